package dev.contactcard.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * File storage's transactions: a commit returns once what it committed is written to the H2 file,
 * and commits that end at the same time share one write (a group commit). H2 itself writes its
 * file at most {@code WRITE_DELAY} ms after a commit; here each commit, once committed, asks for a
 * write ({@code CHECKPOINT}, H2's "write the store now") and waits for one that started after its
 * commit: the first to ask writes, on its own connection, and everything committed until that
 * write starts is in it, so the creates and updates that commit while one write runs are all
 * written by the next. A write per commit cost a create more CPU than everything else it does
 * (the POST target in benchmarks/README.md).
 *
 * <p>What a commit waits for is a write to the file, as H2's per-commit write did: what the sandbox
 * answered 2xx survives the process being killed (the operating system holds the written file).
 * A write that fails fails the request with a 500; the next commit writes again.
 */
final class GroupCommitTransactionManager extends JdbcTransactionManager {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writeEnded = lock.newCondition();
    /** Commits that asked to be written, numbered in the order they asked. */
    private long asked;
    /** Every commit numbered up to this one is written. */
    private long written;
    /** Whether a write is under way. */
    private boolean writing;

    GroupCommitTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction())
                .getConnectionHolder()
                .getConnection();
        try {
            awaitWritten(connection);
        } catch (SQLException ex) {
            throw new TransactionSystemException("The committed transaction could not be written to the H2 file", ex);
        }
    }

    private void awaitWritten(Connection connection) throws SQLException {
        lock.lock();
        try {
            long mine = ++asked;
            while (written < mine) {
                if (writing) {
                    writeEnded.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                long covered = asked;
                boolean succeeded = false;
                lock.unlock();
                try {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CHECKPOINT");
                    }
                    succeeded = true;
                } finally {
                    lock.lock();
                    writing = false;
                    if (succeeded) {
                        written = Math.max(written, covered);
                    }
                    writeEnded.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
