package dev.contactcard.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.ApiTest;
import java.net.InetAddress;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Without {@code BIND_ADDRESS}, the sandbox listens on 127.0.0.1 only. */
class LoopbackByDefaultTest extends ApiTest {

    @Test
    void theSandboxListensOnLoopbackOnlyByDefault() {
        Connector connector = ((TomcatWebServer) ((WebServerApplicationContext) provider()).getWebServer())
                .getTomcat()
                .getConnector();

        assertThat(connector.getProperty("address")).isInstanceOf(InetAddress.class);
        InetAddress address = (InetAddress) connector.getProperty("address");
        assertThat(address.getHostAddress()).isEqualTo("127.0.0.1");
    }
}
