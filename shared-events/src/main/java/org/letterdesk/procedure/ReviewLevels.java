package org.letterdesk.procedure;

import org.letterdesk.events.ReviewLevel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Which review levels (三级审核) a draft must pass, in order: DIRECTOR only for a major issue (重大问题). */
public final class ReviewLevels {

    private static final List<ReviewLevel> REGULAR = List.of(ReviewLevel.FORMAT, ReviewLevel.SUPERVISOR);
    private static final List<ReviewLevel> MAJOR =
            List.of(ReviewLevel.FORMAT, ReviewLevel.SUPERVISOR, ReviewLevel.DIRECTOR);

    private ReviewLevels() {
    }

    public static List<ReviewLevel> required(boolean major) {
        return major ? MAJOR : REGULAR;
    }

    /** The first required level not yet approved; empty once the draft is fully approved. */
    public static Optional<ReviewLevel> next(boolean major, Collection<ReviewLevel> approved) {
        return required(major).stream().filter(level -> !approved.contains(level)).findFirst();
    }
}
