package io.motcrm.feedback.cases;

public enum NoteVisibility {
    INTERNAL, CUSTOMER
}
