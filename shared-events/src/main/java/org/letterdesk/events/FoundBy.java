package org.letterdesk.events;

/** How a wrong reply was found: customer callback (客户回访) or internal spot check (内部抽查). */
public enum FoundBy { CUSTOMER_CALLBACK, INTERNAL_SPOT_CHECK, OTHER }
