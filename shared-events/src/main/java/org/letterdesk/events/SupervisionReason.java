package org.letterdesk.events;

/** Why a letter is under supervision (督办): a deadline passed unanswered, or the sender was dissatisfied. */
public enum SupervisionReason { DEADLINE_MISSED, DISSATISFIED }
