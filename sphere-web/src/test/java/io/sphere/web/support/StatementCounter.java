package io.sphere.web.support;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Counts the SQL statements Hibernate sends and the transactions begun on the threads that serve requests, so that
 * a test can pin what one request costs the database (issue 8). Threads of their own (the audit relay, the request
 * log) are not counted: the request does not wait for them.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {

    private static final AtomicInteger TRANSACTIONS = new AtomicInteger();
    private static final ConcurrentLinkedQueue<String> STATEMENTS = new ConcurrentLinkedQueue<>();

    @Override
    public String inspect(String sql) {
        if (onRequestThread()) {
            STATEMENTS.add(sql);
        }
        return sql;
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object event) {
        if (onRequestThread()) {
            TRANSACTIONS.incrementAndGet();
        }
    }

    public static void reset() {
        TRANSACTIONS.set(0);
        STATEMENTS.clear();
    }

    public static int transactions() {
        return TRANSACTIONS.get();
    }

    public static List<String> statements() {
        return List.copyOf(STATEMENTS);
    }

    private static boolean onRequestThread() {
        return Thread.currentThread().getName().startsWith("executor-thread");
    }
}
