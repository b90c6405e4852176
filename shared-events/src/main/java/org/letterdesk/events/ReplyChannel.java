package org.letterdesk.events;

/** How a reply is delivered (发送渠道). */
public enum ReplyChannel { EMAIL, REGISTERED_MAIL, PHONE, IN_PERSON }
