package org.letterdesk.command.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The optional virus scanner ({@code letterdesk.attachments.clamav.*}; docs/operations.md, "Virus scanning"): a
 * ClamAV daemon reached over TCP ({@code host}, {@code port}) or, when {@code socket} is set, over that Unix domain
 * socket. Off by default; when on, a file is kept only after clamd has found it clean.
 *
 * @param timeout the longest one scan may take, connecting included
 */
@ConfigurationProperties("letterdesk.attachments.clamav")
public record ClamavSettings(boolean enabled, String host, int port, String socket, Duration timeout) {

    public ClamavSettings {
        host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
        port = port == 0 ? 3310 : port;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }

    ClamdClient client() {
        return socket != null && !socket.isBlank() ? new ClamdClient(java.nio.file.Path.of(socket.strip()), timeout)
                : new ClamdClient(host, port, timeout);
    }
}
