package org.kontor.command.people;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.events.people.Role;

/**
 * The bodies of the user endpoints and how they are checked; every problem is reported at once, by
 * field. Bodies that hold a password print without it, so no log line can ever show one.
 */
final class UserRequests {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 128;
    /** bcrypt reads only the first 72 bytes; Spring's encoder refuses longer passwords outright. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_EMPLOYEE_ID_LENGTH = 64;
    static final int MAX_REASON_LENGTH = 500;
    private static final String HIDDEN = "[hidden]";

    private UserRequests() {
    }

    record RegistrationJson(String username, String password, List<Role> roles, String employeeId) {

        @Override
        public String toString() {
            return "RegistrationJson[username=" + username + ", password=" + HIDDEN + ", roles=" + roles
                    + ", employeeId=" + employeeId + "]";
        }
    }

    record RolesJson(List<Role> roles) {
    }

    /** The body of a disable or an enable: why, optionally. */
    record ReasonJson(String reason) {
    }

    record PasswordChangeJson(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "PasswordChangeJson[currentPassword=" + HIDDEN + ", newPassword=" + HIDDEN + "]";
        }
    }

    /** An administrator's reset of another user's password. */
    record PasswordResetJson(String newPassword) {

        @Override
        public String toString() {
            return "PasswordResetJson[newPassword=" + HIDDEN + "]";
        }
    }

    /** A registration that passed every check: roles once each, a blank employee id as none. */
    record Registration(String username, String password, List<Role> roles, String employeeId) {

        @Override
        public String toString() {
            return "Registration[username=" + username + ", password=" + HIDDEN + ", roles=" + roles
                    + ", employeeId=" + employeeId + "]";
        }
    }

    static Registration registration(RegistrationJson json) {
        List<FieldProblem> problems = new ArrayList<>();
        if (json.username() == null || !USERNAME.matcher(json.username()).matches()) {
            problems.add(new FieldProblem("username",
                    "must be 3 to 64 characters of lowercase letters, digits and . _ -"));
        }
        newPassword(problems, "password", json.password());
        List<Role> roles = roles(problems, json.roles());
        String employeeId = blankAsNull(json.employeeId());
        if (employeeId != null && employeeId.length() > MAX_EMPLOYEE_ID_LENGTH) {
            problems.add(new FieldProblem("employeeId", "must be at most " + MAX_EMPLOYEE_ID_LENGTH + " characters"));
        }
        throwIfAny(problems);
        return new Registration(json.username(), json.password(), roles, employeeId);
    }

    static List<Role> roles(RolesJson json) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Role> roles = roles(problems, json.roles());
        throwIfAny(problems);
        return roles;
    }

    /** The reason for disabling or enabling, if any; the body itself may be absent. */
    static String reason(ReasonJson json) {
        String reason = json == null ? null : blankAsNull(json.reason());
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidRequestException("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        return reason;
    }

    static void checkPasswordChange(PasswordChangeJson json) {
        List<FieldProblem> problems = new ArrayList<>();
        if (json.currentPassword() == null || json.currentPassword().isEmpty()) {
            problems.add(new FieldProblem("currentPassword", "is required"));
        } else if (json.currentPassword().length() > MAX_PASSWORD_LENGTH) {
            problems.add(new FieldProblem("currentPassword", "is not a password: at most "
                    + MAX_PASSWORD_LENGTH + " characters"));
        }
        newPassword(problems, "newPassword", json.newPassword());
        if (problems.isEmpty() && json.newPassword().equals(json.currentPassword())) {
            problems.add(new FieldProblem("newPassword", "must differ from the current password"));
        }
        throwIfAny(problems);
    }

    static void checkPasswordReset(PasswordResetJson json) {
        List<FieldProblem> problems = new ArrayList<>();
        newPassword(problems, "newPassword", json.newPassword());
        throwIfAny(problems);
    }

    private static void newPassword(List<FieldProblem> problems, String field, String password) {
        if (password == null) {
            problems.add(new FieldProblem(field, "is required"));
            return;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
            problems.add(new FieldProblem(field, "must be " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH
                    + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_PASSWORD_BYTES
                    + " bytes in UTF-8 (the limit of bcrypt): 72 characters without accents, fewer with"));
        }
    }

    private static List<Role> roles(List<FieldProblem> problems, List<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "must name at least one role of " + List.of(Role.values())));
            return List.of();
        }
        if (roles.size() > Role.values().length) {
            problems.add(new FieldProblem("roles", "must name each role at most once"));
            return List.of();
        }
        Set<Role> distinct = EnumSet.noneOf(Role.class);
        for (int index = 0; index < roles.size(); index++) {
            if (roles.get(index) == null) {
                problems.add(new FieldProblem("roles[" + index + "]", "must be one of " + List.of(Role.values())));
            } else {
                distinct.add(roles.get(index));
            }
        }
        return List.copyOf(distinct);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
