package org.letterdesk.events;

/** Why a reply was wrong; feeds the monthly error analysis. */
public enum CorrectionCause { DATA_ERROR, POLICY_MISREAD, OMISSION, TYPO, WRONG_RECIPIENT, OTHER }
