package org.letterdesk.app.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default profile's mail server (GreenMail), so that the whole e-mail flow can be tried with no mail server
 * installed: SMTP without authentication and IMAP, on the loopback address only. Every address gets a mailbox on
 * its first mail, readable over IMAP with user = password = the address. Mail is kept in memory (gone on restart).
 * Off in the prod profile and in tests (which start their own on free ports).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "letterdesk.mail.embedded.enabled", havingValue = "true")
class EmbeddedMailServer {

    @Bean(destroyMethod = "stop")
    GreenMail defaultMailServer(@Value("${letterdesk.mail.embedded.bind:127.0.0.1}") String bind,
                                 @Value("${letterdesk.mail.embedded.smtp-port:3025}") int smtpPort,
                                 @Value("${letterdesk.mail.embedded.imap-port:3143}") int imapPort,
                                 @Value("${letterdesk.mail.address}") String address) {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, bind, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, bind, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        server.setUser(address, address, address);
        return server;
    }
}
