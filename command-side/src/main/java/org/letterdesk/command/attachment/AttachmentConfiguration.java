package org.letterdesk.command.attachment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The virus scanner the attachment store asks, when one is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClamavSettings.class)
class AttachmentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AttachmentConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "letterdesk.attachments.clamav.enabled", havingValue = "true")
    ClamdClient clamdClient(ClamavSettings settings) {
        ClamdClient client = settings.client();
        // Not a start condition: with clamd away every file is refused (fail closed) until it answers again.
        if (client.ping()) {
            log.info("Attachments are scanned by {}", client.describe());
        } else {
            log.warn("Attachments are to be scanned by {}, which does not answer: every file is refused until it "
                    + "does", client.describe());
        }
        return client;
    }
}
