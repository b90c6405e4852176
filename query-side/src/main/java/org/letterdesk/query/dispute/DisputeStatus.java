package org.letterdesk.query.dispute;

/** Where a dispute stands in the record book: awaiting investigation, awaiting resolution, or settled. */
public enum DisputeStatus { OPEN, INVESTIGATED, RESOLVED }
