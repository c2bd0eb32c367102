package dev.contactcard.contract.broker;

import au.com.dius.pact.core.pactbroker.PactBrokerClient;
import au.com.dius.pact.core.pactbroker.PactBrokerClientConfig;
import au.com.dius.pact.core.pactbroker.PublishConfiguration;
import au.com.dius.pact.core.support.Result;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the consumer pacts of this build to a Pact Broker, versioned with the git commit and
 * tagged with the git branch, through Pact JVM's own broker client (so every Pact module stays on
 * one version: the Pact Maven plugin has no 4.7.5 release).
 *
 * <p>Run by the {@code pact-broker} Maven profile, which is active only when {@code
 * PACT_BROKER_BASE_URL} is set; {@code PACT_BROKER_TOKEN} authenticates. {@code GIT_COMMIT} and
 * {@code GIT_BRANCH} override what {@code git} reports (CI checkouts are often detached).
 */
public final class PublishPacts {

    private PublishPacts() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String brokerUrl = required("PACT_BROKER_BASE_URL");
        File pactDir = new File(System.getProperty("contactcard.pact.dir", "target/pacts"));
        String version = setting("GIT_COMMIT", "git", "rev-parse", "HEAD");
        String branch = setting("GIT_BRANCH", "git", "rev-parse", "--abbrev-ref", "HEAD");

        Map<String, Object> options = new HashMap<>();
        String token = System.getenv("PACT_BROKER_TOKEN");
        if (token != null && !token.isBlank()) {
            options.put("authentication", List.of("bearer", token));
        }
        PactBrokerClient broker = new PactBrokerClient(brokerUrl, options, new PactBrokerClientConfig());

        File[] pacts = pactDir.listFiles((dir, name) -> name.endsWith(".json"));
        if (pacts == null || pacts.length == 0) {
            throw new IllegalStateException("No pact to publish in " + pactDir + ": run the consumer tests first");
        }
        for (File pact : Arrays.stream(pacts).sorted().toList()) {
            Result<String, Exception> result = broker.uploadPactFile(
                    pact, new PublishConfiguration(version, List.of(), branch, System.getenv("BUILD_URL")));
            if (result instanceof Result.Err<?> err) {
                throw new IllegalStateException(
                        "Publishing " + pact.getName() + " to " + brokerUrl + " failed", (Throwable) err.getError());
            }
            System.out.printf("Published %s as consumer version %s (branch %s)%n", pact.getName(), version, branch);
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    private static String setting(String variable, String... command) throws IOException, InterruptedException {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            return value;
        }
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (git.waitFor() != 0 || output.isEmpty()) {
            throw new IllegalStateException(
                    "Set " + variable + ": '" + String.join(" ", command) + "' said: " + output);
        }
        return output;
    }
}
