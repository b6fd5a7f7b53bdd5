package io.sphere.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.security.Actor;
import io.sphere.core.task.TaskInput;
import io.sphere.core.task.TaskService;
import io.sphere.core.task.TaskView;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserService;
import io.sphere.core.user.UserView;
import io.sphere.web.support.TestUsers;
import io.sphere.web.support.WebClient;

/** The inbox, the task page and its actions, reminders, notifications and the bell, as a browser uses them. */
@QuarkusTest
class TaskPageTest {

    @Inject
    TestUsers testUsers;
    @Inject
    UserService users;
    @Inject
    GroupService groups;
    @Inject
    TaskService tasks;

    Actor admin;
    Actor olga;
    Actor petr;
    GroupView ops;

    @BeforeEach
    void people() {
        TestDatabase.clean();
        testUsers.superuserAndOperator();
        admin = actor(TestUsers.ADMIN, true);
        olga = actor(TestUsers.OPERATOR, false);
        UserView p = users.createUser("petr@example.com", "Petr", TestUsers.PASSWORD);
        petr = new Actor(p.id(), p.email(), false);
        ops = groups.create(admin, "Operators", "");
        groups.addMember(admin, ops.id(), olga.userId());
        groups.addMember(admin, ops.id(), petr.userId());
    }

    @Test
    void theInboxShowsOverdueFirstThenTodayThenUpcomingWithCountsOnTheTabs() {
        Instant now = Instant.now();
        tasks.create(admin, new TaskInput(null, "Upcoming-one", "", olga.userId(), null, now.plusSeconds(86400 * 5)));
        tasks.create(admin, new TaskInput(null, "Overdue-one", "", olga.userId(), null, now.minusSeconds(60)));
        tasks.create(admin, new TaskInput(null, "Group-one", "", null, ops.id(), null));
        WebClient browser = new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        String page = browser.get("/tasks").asString();
        assertThat(page).contains("id=\"bucket-overdue\"").contains("id=\"bucket-upcoming\"");
        assertThat(page.indexOf("Overdue-one")).isLessThan(page.indexOf("Upcoming-one"));
        assertThat(page).doesNotContain("Group-one");
        assertThat(page).containsPattern("id=\"tab-mine\"[^>]*>Mine <span class=\"count\">2</span>");
        assertThat(page).containsPattern("id=\"tab-groups\"[^>]*>[^<]*<span class=\"count\">1</span>");
        assertThat(page).contains("/lib/static/tasks.js").contains("data-keyboard-list");
        // filters and sort live in the URL
        String filtered = browser.get("/tasks?tab=mine&due=overdue&sort=title").asString();
        assertThat(filtered).contains("Overdue-one").doesNotContain("Upcoming-one");
        assertThat(filtered).contains("<option value=\"overdue\" selected>");
        assertThat(browser.get("/lib/static/tasks.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aGroupMemberClaimsAndCompletesFromTheInbox() {
        TaskView t = tasks.create(admin, new TaskInput(null, "Group-task", "", null, ops.id(), null));
        WebClient olgaBrowser = new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        String groupsTab = olgaBrowser.get("/tasks?tab=groups").asString();
        assertThat(groupsTab).contains("Group-task").contains("id=\"claim-" + t.id() + "\"");
        Response claimed = olgaBrowser.post("/tasks/" + t.id() + "/claim", Map.of("next", "/tasks?tab=groups"));
        assertThat(claimed.statusCode()).isEqualTo(303);
        assertThat(claimed.header("Location")).endsWith("/tasks?tab=groups");
        // Petr, in the same group, is too late
        WebClient petrBrowser = new WebClient().loggedInAs("petr@example.com", TestUsers.PASSWORD);
        assertThat(petrBrowser.get("/tasks?tab=groups").asString()).doesNotContain("Group-task");
        petrBrowser.get("/tasks/" + t.id());
        Response late = petrBrowser.post("/tasks/" + t.id() + "/claim", Map.of());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.asString()).contains("Someone has already taken this task.");

        String mine = olgaBrowser.get("/tasks").asString();
        assertThat(mine).contains("id=\"complete-" + t.id() + "\"");
        Response done = olgaBrowser.post("/tasks/" + t.id() + "/complete", Map.of("next", "/tasks"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(olgaBrowser.get("/tasks").asString()).doesNotContain("Group-task");
        assertThat(olgaBrowser.get("/tasks?tab=completed").asString()).contains("Group-task");
        String taskPage = olgaBrowser.get("/tasks/" + t.id()).asString();
        assertThat(taskPage).contains("id=\"task-status\"").contains("Done").contains("id=\"reopen\"");
        assertThat(taskPage).contains("Olga took it").contains("Olga completed it");

        // a mangled or foreign "next" sends the person back to the task, never to an error page or another site
        Response reopened = olgaBrowser.post("/tasks/" + t.id() + "/reopen", Map.of("next", "/tasks%20x"));
        assertThat(reopened.statusCode()).isEqualTo(303);
        assertThat(reopened.header("Location")).endsWith("/tasks/" + t.id());
        Response again = olgaBrowser.post("/tasks/" + t.id() + "/complete",
                Map.of("next", "https%3A%2F%2Fevil.example%2F"));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).endsWith("/tasks/" + t.id()).doesNotContain("evil");
    }

    @Test
    void aNewTaskFormKeepsTheInputAndNamesTheFieldAtFault() {
        WebClient browser = new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        assertThat(browser.get("/tasks/new").asString()).contains("id=\"task-form\"");
        Response bad = browser.post("/tasks", Map.of("title", "", "description", "keep-me", "due", "soon",
                "assignee", "nobody@example.com"));
        assertThat(bad.statusCode()).isEqualTo(422);
        String page = bad.asString();
        assertThat(page).contains("id=\"due-error\"").contains("id=\"assignee-error\"").contains("keep-me")
                .contains("value=\"soon\"");
        Response noTitle = browser.post("/tasks", Map.of("title", " ", "description", "keep-me"));
        assertThat(noTitle.statusCode()).isEqualTo(422);
        assertThat(noTitle.asString()).contains("id=\"title-error\"").contains("Enter a title.");
        Response unknownCard = browser.post("/tasks", Map.of("title", "x", "card", "NOPE-1"));
        assertThat(unknownCard.asString()).contains("id=\"card-error\"");
        Response created = browser.post("/tasks", Map.of("title", "<b>Mine</b>", "assignee", TestUsers.OPERATOR,
                "due", "2030-01-02T10:00"));
        assertThat(created.statusCode()).isEqualTo(303);
        String task = browser.get(created.header("Location").replaceFirst("^https?://[^/]+", "")).asString();
        assertThat(task).contains("&lt;b&gt;Mine&lt;/b&gt;").doesNotContain("<b>Mine</b>")
                .contains("2030-01-02 10:00");
        assertThat(browser.postRaw("/tasks", Map.of("title", "forged")).statusCode()).isEqualTo(400);
    }

    @Test
    void aStandaloneTaskOfOthersIsNotFoundAndReassigningNeedsAReason() {
        TaskView t = tasks.create(admin, new TaskInput(null, "Secret", "", petr.userId(), null, null));
        WebClient olgaBrowser = new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        assertThat(olgaBrowser.get("/tasks/" + t.id()).statusCode()).isEqualTo(404);
        WebClient petrBrowser = new WebClient().loggedInAs("petr@example.com", TestUsers.PASSWORD);
        petrBrowser.get("/tasks/" + t.id());
        Response noReason = petrBrowser.post("/tasks/" + t.id() + "/assign", Map.of("email", TestUsers.OPERATOR));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.asString()).contains("id=\"assign-reason-error\"").contains("value=\"olga@example.com\"");
        Response handed = petrBrowser.post("/tasks/" + t.id() + "/assign",
                Map.of("email", TestUsers.OPERATOR, "reason", "on-leave"));
        assertThat(handed.statusCode()).isEqualTo(303);
        assertThat(olgaBrowser.get("/tasks/" + t.id()).statusCode()).isEqualTo(200);
        // the bell counts Olga's new "assigned to you"
        String page = olgaBrowser.get("/tasks").asString();
        assertThat(page).contains("<span id=\"bell-count\" class=\"bell-count\">1</span>");
        String list = olgaBrowser.get("/notifications").asString();
        assertThat(list).contains("Assigned to you").contains("Secret").contains("on-leave");
        Matcher open = Pattern.compile("action=\"/notifications/(\\d+)/open\"").matcher(list);
        assertThat(open.find()).isTrue();
        Response opened = olgaBrowser.post("/notifications/" + open.group(1) + "/open", Map.of());
        assertThat(opened.header("Location")).endsWith("/tasks/" + t.id());
        assertThat(olgaBrowser.get("/tasks").asString())
                .contains("<span id=\"bell-count\" class=\"bell-count none\">0</span>");
        // someone else's notification is not found
        assertThat(petrBrowser.post("/notifications/" + open.group(1) + "/read", Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void remindersAreSetWithPresetsListedAndCancelled() {
        TaskView t = tasks.create(olga, new TaskInput(null, "Remind-task", "", olga.userId(), null, null));
        WebClient browser = new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        String taskPage = browser.get("/tasks/" + t.id()).asString();
        assertThat(taskPage).contains("id=\"reminder-form\"").contains("name=\"task\" value=\"" + t.id() + "\"");
        Response set = browser.post("/reminders", Map.of("task", String.valueOf(t.id()), "preset", "tomorrow-9",
                "note", "call-first", "next", "/tasks/" + t.id()));
        assertThat(set.statusCode()).isEqualTo(303);
        assertThat(set.header("Location")).endsWith("/tasks/" + t.id());
        String list = browser.get("/reminders").asString();
        assertThat(list).contains("Remind-task").contains("call-first").contains("09:00");
        Response past = browser.post("/reminders", Map.of("task", String.valueOf(t.id()), "preset", "",
                "at", "2001-01-01T09:00", "note", "kept-note"));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.asString()).contains("id=\"reminder-error\"").contains("kept-note")
                .contains("value=\"2001-01-01T09:00\"");
        Matcher cancel = Pattern.compile("action=\"/reminders/(\\d+)/cancel\"").matcher(list);
        assertThat(cancel.find()).isTrue();
        assertThat(browser.post("/reminders/" + cancel.group(1) + "/cancel", Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get("/reminders").asString()).contains("id=\"reminders-empty\"");
    }

    @Test
    void settingsChooseTheTimeZoneAndTheEmailsAndThePagesSpeakRussian() {
        WebClient browser = new WebClient().language("ru").loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        String settings = browser.get("/notifications/settings").asString();
        assertThat(settings).contains("Настройки уведомлений").contains("value=\"UTC\"");
        Response bad = browser.post("/notifications/settings", Map.of("timeZone", "Mars/Base"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.asString()).contains("id=\"time-zone-error\"").contains("value=\"Mars/Base\"");
        assertThat(browser.post("/notifications/settings", Map.of("timeZone", "Europe/Moscow", "email", "REMINDER"))
                .statusCode()).isEqualTo(303);
        assertThat(TestDatabase.count("SELECT count(*) FROM notification_email_optout WHERE user_id = ?",
                olga.userId())).isEqualTo(5);
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user WHERE time_zone = 'Europe/Moscow'"))
                .isEqualTo(1);
        String inbox = browser.get("/tasks").asString();
        assertThat(inbox).contains("Мои задачи").contains("id=\"nav-tasks\"").contains(">Задачи<");
        assertThat(browser.get("/").asString()).contains("Задачи");
    }

    private Actor actor(String email, boolean superuser) {
        UserView v = users.findByEmail(email).orElseThrow();
        return new Actor(v.id(), v.email(), superuser);
    }
}
