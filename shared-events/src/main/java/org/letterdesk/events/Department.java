package org.letterdesk.events;

/** Departments a letter can be assigned (分配部门) or forwarded (转交) to. */
public enum Department { CUSTOMER_SERVICE, BUSINESS, ADMINISTRATION }
