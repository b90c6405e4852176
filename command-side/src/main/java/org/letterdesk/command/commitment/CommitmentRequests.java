package org.letterdesk.command.commitment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.letterdesk.events.Commitment;
import org.letterdesk.events.Department;

import java.time.LocalDate;

/** Request bodies of commitments: as listed in a draft, and their fulfilment. */
public final class CommitmentRequests {

    private CommitmentRequests() {
    }

    /** A commitment as a draft lists it; numbered in the order listed. */
    public record CommitmentRequest(@NotBlank @Size(max = 2000) String what, @NotNull Department department,
                                    @NotNull LocalDate dueDate) {

        public Commitment toCommitment(int n) {
            return new Commitment(n, what, department, dueDate);
        }
    }

    record FulfilmentRequest(@NotBlank @Size(max = 4000) String evidence) {
    }
}
