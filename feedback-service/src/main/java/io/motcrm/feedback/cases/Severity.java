package io.motcrm.feedback.cases;

public enum Severity {
    LOW, MEDIUM, HIGH
}
