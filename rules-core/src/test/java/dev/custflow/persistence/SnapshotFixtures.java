package dev.custflow.persistence;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.model.Channel;
import dev.custflow.event.BantUpdated;
import dev.custflow.event.ClockTick;
import dev.custflow.event.ConsentChanged;
import dev.custflow.event.ContractSigned;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.PaymentReceived;
import dev.custflow.event.RepUpdated;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Review;
import dev.custflow.model.TicketKind;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stored snapshot fixtures: a short, fixed story that fills every part of a profile (contact data with an
 * unusable e-mail, firmographics, attributes, a time zone, channel touches of a merged duplicate, an owner, BANT,
 * orders open and delivered with products, a payment, a complaint, a bad survey and its churn warning, an opt-out,
 * a contract, behaviour points, held messages) and the engine's state around it (reps, loads, deadlines, the
 * de-duplication index, event ids, order owners, the weekly schedules and the RFM scale).
 *
 * <p>{@code main} writes {@code src/test/resources/dev/custflow/snapshots/store-v<version>.bin} from the current
 * engine, {@code <version>} being the engine state's format version (customer snapshots are still at version 1);
 * run it only when a new format version is introduced, and keep the older files: each must still load
 * (SnapshotFixtureTest).
 */
public final class SnapshotFixtures {
    static final Instant MONDAY = Instant.parse("2025-03-03T01:00:00Z"); // 09:00 in Shanghai

    private SnapshotFixtures() {
    }

    static Instant at(long minutes) {
        return MONDAY.plusSeconds(60 * minutes);
    }

    /** @return the story, in time order */
    static List<Event> story() {
        List<Event> e = new ArrayList<>();
        e.add(new RepUpdated("e01", at(0), "r1", "李雷", "EAST", "华东", List.of("制造"), true, 5, true));
        e.add(new RepUpdated("e02", at(0), "r2", "韩梅梅", "EAST", "华东", List.of(), false, 3, true));
        e.add(LeadCaptured.builder("e03", at(1), "L-1", "WECHAT").name("王芳").company("上海测试有限公司")
                .phone("13800138000").email("not-an-email").region("华东").city("上海").industry("制造")
                .companySize(200).title("采购经理").birthday(LocalDate.of(1990, 5, 20))
                .attributes(Map.of("erpId", "A-1001")).timeZone("Asia/Shanghai").build());
        e.add(InteractionLogged.of("e04", at(3), "L-1", InteractionKind.CALL, "r1"));
        e.add(InteractionLogged.of("e05", at(4), "L-1", InteractionKind.PAGE_VIEW, null));
        e.add(LeadCaptured.builder("e06", at(30), "L-2", "WEBSITE").phone("+86 138-0013-8000")
                .email("Wang.Fang@Example.com").build()); // the same person: merged into L-1
        e.add(LeadCaptured.builder("e07", at(40), "L-3", "WEBSITE").phone("13900139000").email("wang at example")
                .region("华东").build());
        e.add(new BantUpdated("e08", at(60), "L-1", true, true, true, true, new BigDecimal("50000.00")));
        e.add(new OrderPlaced("e09", at(120), "SO-1", "L-1", new BigDecimal("1280.00"), "CNY",
                List.of(new OrderLine("P-100", 2, new BigDecimal("1280.00"))), LocalDate.of(2025, 3, 10)));
        e.add(new PaymentReceived("e10", at(130), "SO-1", new BigDecimal("500.00"), null));
        e.add(new OrderStatusChanged("e11", at(24 * 60), "SO-1", OrderStatus.SHIPPED, "SF123", null));
        e.add(new OrderPlaced("e12", at(2 * 24 * 60), "SO-2", "L-1", new BigDecimal("300.00"), "CNY",
                List.of(new OrderLine("P-200", 1, new BigDecimal("300.00"))), null));
        e.add(new OrderStatusChanged("e13", at(3 * 24 * 60), "SO-2", OrderStatus.DELIVERED, null, null));
        e.add(new TicketOpened("e14", at(4 * 24 * 60), "T-1", "L-1", TicketKind.COMPLAINT, "HIGH"));
        e.add(new SurveyAnswered("e15", at(5 * 24 * 60), "L-1", 3, 2, Review.BAD));
        e.add(new ConsentChanged("e16", at(5 * 24 * 60 + 1), "L-1", Channel.SMS, true));
        e.add(new ContractSigned("e17", at(6 * 24 * 60), "L-1", "K-1", LocalDate.of(2026, 3, 1),
                new BigDecimal("10000.00")));
        e.add(OrderPlaced.of("e18", at(6 * 24 * 60 + 5), "SO-3", "C-2", new BigDecimal("99.00")));
        e.add(new ClockTick("e19", at(8 * 24 * 60))); // past Monday: RFM recompute and at-risk digest
        e.add(new ClockTick("e20", Instant.parse("2025-03-20T14:30:00Z"))); // 22:30 in Shanghai: quiet hours
        e.add(new ClockTick("e21", Instant.parse("2025-03-27T15:00:00Z")));
        return e;
    }

    /** Runs the story on an engine with an in-memory store and returns the store. */
    static CustomerStore storyStore() {
        CustomerStore store = CustomerStores.inMemory();
        try (Engine engine = Custflow.builder().store(store).build()) {
            engine.acceptAll(story());
        }
        return store;
    }

    /**
     * Writes a store's content: position, last event id, the engine state parts sorted by key, then every customer
     * sorted by id. (Until engine state version 2 the engine state was one piece: {@link #load} reads both.)
     */
    static byte[] dump(CustomerStore store) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            StoredState s = store.load();
            out.writeLong(s.position());
            out.writeUTF(s.lastEventId());
            out.writeInt(-1); // version 1 wrote the engine state's length here; -1: its parts follow
            TreeMap<String, byte[]> parts = new TreeMap<>(s.engineParts());
            out.writeInt(parts.size());
            for (var p : parts.entrySet()) {
                out.writeUTF(p.getKey());
                out.writeInt(p.getValue().length);
                out.write(p.getValue());
            }
            TreeMap<String, byte[]> customers = new TreeMap<>();
            store.forEachCustomer(customers::put);
            out.writeInt(customers.size());
            for (var c : customers.entrySet()) {
                out.writeUTF(c.getKey());
                out.writeInt(c.getValue().length);
                out.write(c.getValue());
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what {@link #dump} wrote into a new in-memory store. */
    static CustomerStore load(byte[] dump) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(dump));
            long position = in.readLong();
            String lastEventId = in.readUTF();
            int length = in.readInt();
            Map<String, byte[]> parts = new TreeMap<>();
            if (length >= 0) { // version 1: the engine state in one piece, which loads as the part "state"
                parts.put(dev.custflow.internal.runtime.Snapshots.STATE, in.readNBytes(length));
            } else {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    parts.put(in.readUTF(), in.readNBytes(in.readInt()));
                }
            }
            int n = in.readInt();
            TreeMap<String, byte[]> customers = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                customers.put(in.readUTF(), in.readNBytes(in.readInt()));
            }
            CustomerStore store = CustomerStores.inMemory();
            store.commit(new StoreCommit(position, lastEventId, parts, Set.of(), customers, Set.of(), List.of()));
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the fixture of the current format version.
     *
     * @param args the module folder (default: the working directory)
     * @throws IOException if it cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".").resolve("src/test/resources/dev/custflow/snapshots");
        Files.createDirectories(dir);
        Path file = dir.resolve("store-v" + dev.custflow.internal.runtime.Snapshots.ENGINE_VERSION + ".bin");
        Files.write(file, dump(storyStore()));
        System.out.println("wrote " + file);
    }
}
