package dev.contactcard.server.idempotency;

import dev.contactcard.server.ContactCardProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Idempotency-Keys of creates, on the storage's database (their own table). */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    JdbcIdempotentCreates idempotentCreates(JdbcClient jdbcClient, ObjectProvider<Clock> clock) {
        return new JdbcIdempotentCreates(jdbcClient, clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * At start in file and memory mode, drops every claim on a key whose create has not answered:
     * one process owns the H2 database (H2 locks the file), so such a claim belongs to a create
     * that died with the previous process, and a retry after the restart should run at once
     * instead of waiting out the claim's lease. Not in postgres mode, where other instances'
     * creates hold live claims (there an abandoned claim is taken over after the lease).
     */
    @Bean
    SmartLifecycle abandonedClaimsDropped(ContactCardProperties properties, JdbcIdempotentCreates keys) {
        return new AbandonedClaimsDrop(properties.storage().mode() != ContactCardProperties.StorageMode.POSTGRES, keys);
    }

    /**
     * Runs in the second phase of the context's start: after the schema migration, which runs
     * beside the rest of the start-up and is waited for in the first phase ({@code Integer.MIN_VALUE},
     * storage's {@code SchemaMigration}), and before the web server opens the port.
     */
    private static final class AbandonedClaimsDrop implements SmartLifecycle {

        private final boolean drop;
        private final JdbcIdempotentCreates keys;
        private volatile boolean running;

        AbandonedClaimsDrop(boolean drop, JdbcIdempotentCreates keys) {
            this.drop = drop;
            this.keys = keys;
        }

        @Override
        public void start() {
            if (drop) {
                keys.dropClaimsWithoutAnswer();
            }
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MIN_VALUE + 1;
        }
    }
}
