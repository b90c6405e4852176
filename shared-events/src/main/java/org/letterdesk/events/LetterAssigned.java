package org.letterdesk.events;

/** Assigned to a department (分配部门); assigning again forwards it (转交), previousDepartment is then set. */
public record LetterAssigned(String letterId, Department department, String assignee, Department previousDepartment)
        implements LetterEvent {
}
