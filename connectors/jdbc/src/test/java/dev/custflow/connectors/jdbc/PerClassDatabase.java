package dev.custflow.connectors.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One database per test class, for the suites that run on every vendor: opened when the class's first test asks for
 * it, dropped when the class is done. A vendor whose server is absent skips each test (TestDatabase says why).
 */
final class PerClassDatabase implements AfterAllCallback {
    private static final Map<Class<?>, TestDatabase> OPEN = new ConcurrentHashMap<>();

    /** @return the database of this test class, opened with {@code open} the first time */
    static TestDatabase of(Class<?> testClass, Supplier<TestDatabase> open) {
        TestDatabase db = OPEN.get(testClass);
        if (db == null) {
            db = open.get(); // outside computeIfAbsent: an absent server aborts the test, and the next one tries again
            OPEN.put(testClass, db);
        }
        return db;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase db = OPEN.remove(context.getRequiredTestClass());
        if (db != null) {
            db.close();
        }
    }
}
