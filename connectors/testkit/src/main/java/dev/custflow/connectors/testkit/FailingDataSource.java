package dev.custflow.connectors.testkit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that fails on request half-way through a transaction, for
 * {@link CustomerStoreContract#failNextCommitMidway}: give the store under test this data source instead of your own,
 * then {@link #failAfter(int) failAfter(2)} makes the third writing statement (execute, executeUpdate, executeBatch)
 * throw an {@link SQLException}, once. Everything else passes through.
 */
public final class FailingDataSource implements DataSource {
    private static final Set<String> WRITES = Set.of("execute", "executeUpdate", "executeBatch", "executeLargeUpdate",
            "executeLargeBatch");

    private final DataSource delegate;
    /** Writing statements still allowed before the failure; negative when no failure is armed. */
    private final AtomicInteger remaining = new AtomicInteger(-1);

    /** @param delegate the real data source */
    public FailingDataSource(DataSource delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Arms one failure.
     *
     * @param writesFirst how many writing statements still succeed before the one that fails
     */
    public void failAfter(int writesFirst) {
        if (writesFirst < 0) {
            throw new IllegalArgumentException("writesFirst must be 0 or more, not " + writesFirst);
        }
        remaining.set(writesFirst);
    }

    /** @return true while an armed failure has not happened yet */
    public boolean armed() {
        return remaining.get() >= 0;
    }

    private void beforeWrite(String what) throws SQLException {
        int left = remaining.getAndUpdate(n -> n < 0 ? n : n - 1);
        if (left == 0) {
            throw new SQLException("FailingDataSource: injected failure at " + what + " (the connection dropped)",
                    "08006");
        }
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(FailingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Passing(c));
    }

    /** Passes calls on; wraps statements; fails an armed write. */
    private final class Passing implements InvocationHandler {
        private final Object target;

        Passing(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (target instanceof Statement && WRITES.contains(method.getName())) {
                beforeWrite(method.getName());
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Class<?> type = method.getReturnType();
            if (result != null && type.isInterface() && Statement.class.isAssignableFrom(type)) {
                return Proxy.newProxyInstance(FailingDataSource.class.getClassLoader(), new Class<?>[] {type},
                        new Passing(result));
            }
            return result;
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}
