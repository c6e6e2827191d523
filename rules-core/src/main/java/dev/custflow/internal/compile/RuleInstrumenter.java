package dev.custflow.internal.compile;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites a class compiled from a user's rule file so it runs under the rule limits
 * ({@code dev.custflow.internal.guard.RuleBudget}): a budget check at the start of every method (recursion) and
 * before every backward jump (every loop), the length of every array checked before it is made, and the sizes given
 * to the JDK methods that allocate by a number ({@code String.repeat}, a collection's or a builder's capacity,
 * {@code Arrays.copyOf}, {@code Collections.nCopies}...) checked before the call.
 *
 * <p>Only straight-line code is inserted before existing instructions (no branch, no handler), so the class's stack
 * map frames stay valid and only the maximum stack and locals are recomputed.
 */
final class RuleInstrumenter {
    static final String BUDGET = "dev/custflow/internal/guard/RuleBudget";
    /** Sizing methods of JDK classes whose last parameter is the size, by name. */
    private static final Set<String> SIZED_BY_LAST = Set.of("copyOf", "copyOfRange", "ensureCapacity", "setLength");

    private RuleInstrumenter() {
    }

    /**
     * @param bytes a class file compiled from a user's rule file
     * @return the class with the checks
     */
    static byte[] instrument(byte[] bytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        for (MethodNode m : cn.methods) {
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
                instrument(m);
            }
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cn.accept(cw);
        return cw.toByteArray();
    }

    private static void instrument(MethodNode m) {
        Map<LabelNode, Integer> at = new HashMap<>();
        int i = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LabelNode l) {
                at.put(l, i);
            }
            i++;
        }
        i = 0;
        for (AbstractInsnNode insn : m.instructions.toArray()) {
            if (insn instanceof JumpInsnNode j && at.getOrDefault(j.label, i) <= i
                    || insn instanceof TableSwitchInsnNode t && backward(at, i, t.dflt, t.labels)
                    || insn instanceof LookupSwitchInsnNode s && backward(at, i, s.dflt, s.labels)) {
                m.instructions.insertBefore(insn, check());
            } else if (insn.getOpcode() == Opcodes.NEWARRAY || insn.getOpcode() == Opcodes.ANEWARRAY) {
                m.instructions.insertBefore(insn, budget("arrayLength", "(I)I"));
            } else if (insn instanceof MultiANewArrayInsnNode ma) {
                m.instructions.insertBefore(insn, cells(m, ma.dims));
            } else if (insn instanceof MethodInsnNode mi) {
                sized(m, mi);
            }
            i++;
        }
        m.instructions.insert(check());
    }

    private static boolean backward(Map<LabelNode, Integer> at, int i, LabelNode dflt, Iterable<LabelNode> labels) {
        if (at.getOrDefault(dflt, i + 1) <= i) {
            return true;
        }
        for (LabelNode l : labels) {
            if (at.getOrDefault(l, i + 1) <= i) {
                return true;
            }
        }
        return false;
    }

    private static InsnList check() {
        return budget("check", "()V");
    }

    private static InsnList budget(String name, String desc) {
        InsnList l = new InsnList();
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, BUDGET, name, desc, false));
        return l;
    }

    /** The dimensions are on the stack: kept in new locals, multiplied by RuleBudget.cells, and put back. */
    private static InsnList cells(MethodNode m, int dims) {
        int first = m.maxLocals;
        m.maxLocals += dims;
        InsnList l = new InsnList();
        for (int d = dims - 1; d >= 0; d--) {
            l.add(new VarInsnNode(Opcodes.ISTORE, first + d));
        }
        l.add(new LdcInsnNode(1L));
        for (int d = 0; d < dims; d++) {
            l.add(new VarInsnNode(Opcodes.ILOAD, first + d));
            l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, BUDGET, "cells", "(JI)J", false));
        }
        l.add(new InsnNode(Opcodes.POP2));
        for (int d = 0; d < dims; d++) {
            l.add(new VarInsnNode(Opcodes.ILOAD, first + d));
        }
        return l;
    }

    /** Collections, maps and builders take their capacity in the constructor ({@code new Integer(int)} does not). */
    private static boolean sizedByConstructor(String owner) {
        return owner.startsWith("java/util/") || owner.equals("java/lang/StringBuilder")
                || owner.equals("java/lang/StringBuffer");
    }

    /** A JDK call that allocates by a number the rule gives: the number is checked first. */
    private static void sized(MethodNode m, MethodInsnNode mi) {
        if (!mi.owner.startsWith("java/")) {
            return;
        }
        if (mi.owner.equals("java/lang/String") && mi.name.equals("repeat") && mi.desc.equals("(I)Ljava/lang/String;")) {
            m.instructions.set(mi, new MethodInsnNode(Opcodes.INVOKESTATIC, BUDGET, "repeat",
                    "(Ljava/lang/String;I)Ljava/lang/String;", false));
            return;
        }
        if (mi.owner.equals("java/util/Collections") && mi.name.equals("nCopies")) {
            InsnList l = new InsnList(); // (int n, Object o): the size is under the element
            l.add(new InsnNode(Opcodes.SWAP));
            l.add(budget("size", "(I)I"));
            l.add(new InsnNode(Opcodes.SWAP));
            m.instructions.insertBefore(mi, l);
            return;
        }
        Type[] args = Type.getArgumentTypes(mi.desc);
        boolean capacity = mi.name.equals("<init>") && sizedByConstructor(mi.owner) && args.length >= 1
                && args[0] == Type.INT_TYPE
                && (args.length == 1 || args.length == 2 && args[1] == Type.FLOAT_TYPE);
        if (capacity && args.length == 2) { // HashMap(int capacity, float loadFactor) and the like
            InsnList l = new InsnList();
            l.add(new InsnNode(Opcodes.SWAP));
            l.add(budget("size", "(I)I"));
            l.add(new InsnNode(Opcodes.SWAP));
            m.instructions.insertBefore(mi, l);
        } else if (capacity || SIZED_BY_LAST.contains(mi.name) && args.length >= 1
                && args[args.length - 1] == Type.INT_TYPE) {
            m.instructions.insertBefore(mi, budget("size", "(I)I"));
        }
    }
}
