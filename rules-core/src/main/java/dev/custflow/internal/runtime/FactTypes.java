package dev.custflow.internal.runtime;

import org.drools.base.base.ObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;

/** What the rule network of a rule base does with a fact of a given class. */
final class FactTypes {
    private FactTypes() {
    }

    /**
     * @return true if some pattern of the rule base (a rule's or a query's, on the default entry point) can match a
     * fact of this class: a node of the network for the class, a supertype or an interface of it has something
     * attached. A node with nothing attached is the one Drools adds for a class it was given and no rule names.
     */
    static boolean matched(KieBase base, Class<?> type) {
        if (!(base instanceof InternalRuleBase internal)) {
            return true; // not a rule base this code knows: insert, as always
        }
        for (java.util.Map.Entry<ObjectType, ObjectTypeNode> e
                : internal.getRete().getObjectTypeNodes(EntryPointId.DEFAULT).entrySet()) {
            if (e.getKey().isAssignableFrom(type) && e.getValue().getObjectSinkPropagator().size() > 0) {
                return true;
            }
        }
        return false;
    }
}
