package org.letterdesk.command.sender;

import org.letterdesk.command.intake.SenderMatching;
import org.letterdesk.events.Sender;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Matches through the {@link SenderIndex}; a sender matching no file gets a new {@link SenderFile}. */
@Component
class PostgresSenderMatching implements SenderMatching {

    private final SenderIndex index;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;

    PostgresSenderMatching(SenderIndex index, ObjectProvider<org.axonframework.config.Configuration> axon) {
        this.index = index;
        this.axon = axon;
    }

    @Override
    public SenderMatch match(String letterId, Sender sender) {
        List<String> keys = MatchKeys.of(sender);
        index.lock(keys);
        String senderId = index.find(keys).orElse(null);
        int repeatCount;
        if (senderId == null) {
            String opened = UUID.randomUUID().toString();
            try {
                axon.getObject().repository(SenderFile.class)
                        .newInstance(() -> new SenderFile(opened, sender, letterId));
            } catch (Exception e) {
                throw e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Sender file " + opened + " could not be opened", e);
            }
            senderId = opened;
            repeatCount = 0;
        } else {
            repeatCount = index.letterCount(senderId);
        }
        index.add(senderId, keys);
        index.link(letterId, senderId);
        return new SenderMatch(senderId, repeatCount);
    }
}
