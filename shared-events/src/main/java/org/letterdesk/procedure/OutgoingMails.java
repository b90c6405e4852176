package org.letterdesk.procedure;

import org.letterdesk.events.Channel;
import org.letterdesk.events.CorrectionSignedOff;
import org.letterdesk.events.DelayNoticeSent;
import org.letterdesk.events.LetterReceived;
import org.letterdesk.events.OutgoingMailKind;
import org.letterdesk.events.ReplyChannel;
import org.letterdesk.events.ReplySent;

import java.util.Optional;

/**
 * Which events of a letter send a mail, under which Message-ID and subject. The outbox (command side) and the
 * letter's correspondence (query side) both follow these rules, folding the letter's events in order:
 * <ul>
 *     <li>a reply sent by EMAIL;</li>
 *     <li>a delay notice of a letter that came in by EMAIL;</li>
 *     <li>a correction letter, once signed off, of a letter whose reply went by EMAIL.</li>
 * </ul>
 * The Message-ID derives from the identifier of the event that commits the mail, so that every attempt to send it
 * (also after a crash) is recognisably the same mail.
 */
public final class OutgoingMails {

    public static final String MESSAGE_ID_DOMAIN = "letterdesk.local";

    private Channel letterChannel;
    private ReplyChannel replyChannel;
    private String serialNo;
    private String subject;

    /** Folds one event; answers the mail it sends, if any. */
    public Optional<OutgoingMailKind> on(Object event) {
        if (event instanceof LetterReceived e) {
            letterChannel = e.channel();
            serialNo = e.serialNo();
            subject = e.subject();
        } else if (event instanceof ReplySent e) {
            replyChannel = e.channel();
            return e.channel() == ReplyChannel.EMAIL ? Optional.of(OutgoingMailKind.REPLY) : Optional.empty();
        } else if (event instanceof DelayNoticeSent) {
            return letterChannel == Channel.EMAIL ? Optional.of(OutgoingMailKind.DELAY_NOTICE) : Optional.empty();
        } else if (event instanceof CorrectionSignedOff) {
            return replyChannel == ReplyChannel.EMAIL ? Optional.of(OutgoingMailKind.CORRECTION) : Optional.empty();
        }
        return Optional.empty();
    }

    public String serialNo() {
        return serialNo;
    }

    /** The subject of the mail of that kind: what it is, the letter's subject and its register number. */
    public String subject(OutgoingMailKind kind) {
        String what = switch (kind) {
            case REPLY -> "答复";
            case DELAY_NOTICE -> "延迟答复说明";
            case CORRECTION -> "答复更正函";
        };
        String about = subject == null ? "" : subject.strip();
        if (about.length() > 200) {
            about = about.substring(0, 200) + "…";
        }
        return what + "：" + about + "（登记号 " + serialNo + "）";
    }

    /** The Message-ID of the mail committed by the event with that identifier. */
    public static String messageId(String eventIdentifier) {
        return "<" + eventIdentifier + "@" + MESSAGE_ID_DOMAIN + ">";
    }
}
