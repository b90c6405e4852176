package org.letterdesk.events;

/** A sampled letter re-examined in the monthly spot check (内部抽查): its reply was right, or wrong. */
public enum SpotCheckResult { OK, ERROR }
