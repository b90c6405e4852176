package org.letterdesk.events;

/** How a letter reached the organisation (来函、来电、来访 …). */
public enum Channel { LETTER, EMAIL, PHONE, VISIT, FAX, ONLINE }
