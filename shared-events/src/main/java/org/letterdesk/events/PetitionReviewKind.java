package org.letterdesk.events;

/** What a petitioner asks for after an answer: a review (复查) of the reply, then a second review (复核). */
public enum PetitionReviewKind { REVIEW, SECOND_REVIEW }
