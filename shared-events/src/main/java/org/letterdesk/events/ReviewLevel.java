package org.letterdesk.events;

/** The three review levels (三级审核), in the order they must be passed. */
public enum ReviewLevel { FORMAT, SUPERVISOR, DIRECTOR }
