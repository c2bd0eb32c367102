package dev.contactcard.server.idempotency;

import dev.contactcard.server.ContactCardProperties;
import java.time.Clock;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.ObjectProvider;
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
     * creates hold live claims (there an abandoned claim is taken over after the lease). Runs as
     * Flyway's callback after the schema migration (or after the check that found the schema
     * current), which the start waits for before the port opens.
     */
    @Bean
    Callback abandonedClaimsDropped(ContactCardProperties properties, JdbcIdempotentCreates keys) {
        boolean ownsTheDatabase = properties.storage().mode() != ContactCardProperties.StorageMode.POSTGRES;
        return new BaseCallback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE && ownsTheDatabase;
            }

            @Override
            public void handle(Event event, Context context) {
                keys.dropClaimsWithoutAnswer();
            }
        };
    }
}
