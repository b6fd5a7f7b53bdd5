package io.sphere.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the tasks, reminders and notifications pages, in English; Russian in {@code messages/tsk_ru.properties}.
 * Templates use {@code {tsk:key}}, Java {@link TaskTexts#of}.
 */
@MessageBundle(value = "tsk", locale = "en")
public interface TaskMsg {

    @Message("Tasks")
    String nav_tasks();

    @Message("Your tasks, your groups' unclaimed tasks and what you completed.")
    String section_tasks_desc();

    @Message("My tasks")
    String inbox_title();

    @Message("Mine")
    String tab_mine();

    @Message("My groups' unclaimed")
    String tab_groups();

    @Message("Completed")
    String tab_completed();

    @Message("Overdue")
    String bucket_overdue();

    @Message("Due today")
    String bucket_today();

    @Message("Upcoming")
    String bucket_upcoming();

    @Message("No due date")
    String bucket_no_due();

    @Message("Completed")
    String bucket_closed();

    @Message("Search")
    String filter_q();

    @Message("Due")
    String filter_due();

    @Message("Any time")
    String due_any();

    @Message("Overdue")
    String due_overdue();

    @Message("Today")
    String due_today();

    @Message("Later")
    String due_upcoming();

    @Message("No due date")
    String due_none();

    @Message("Sort")
    String sort();

    @Message("Due date, soonest first")
    String sort_due();

    @Message("Due date, latest first")
    String sort_due_desc();

    @Message("Newest first")
    String sort_created();

    @Message("Title")
    String sort_title();

    @Message("Completed, newest first")
    String sort_completed();

    @Message("Apply")
    String apply();

    @Message("Nothing here.")
    String inbox_empty();

    @Message("New task")
    String new_task();

    @Message("Keyboard: j/k or ↓/↑ to move, Enter to open, x to complete the selected task.")
    String keyboard_help();

    @Message("Task")
    String col_title();

    @Message("Card")
    String col_card();

    @Message("Assignee")
    String col_assignee();

    @Message("Group")
    String col_group();

    @Message("Due")
    String col_due();

    @Message("Status")
    String col_status();

    @Message("Completed")
    String col_completed();

    @Message("Previous")
    String prev();

    @Message("Next")
    String next();

    @Message("Open")
    String status_open();

    @Message("Done")
    String status_done();

    @Message("Cancelled")
    String status_cancelled();

    @Message("Nobody")
    String nobody();

    @Message("—")
    String none();

    @Message("Title")
    String field_title();

    @Message("Description")
    String field_description();

    @Message("Card key (optional)")
    String field_card();

    @Message("Assignee's e-mail (optional)")
    String field_assignee();

    @Message("Group that may claim it")
    String field_group();

    @Message("Due (your time zone)")
    String field_due();

    @Message("Reason")
    String field_reason();

    @Message("No group")
    String no_group();

    @Message("Create task")
    String create();

    @Message("Save")
    String save();

    @Message("Take it")
    String claim();

    @Message("Complete")
    String complete();

    @Message("Cancel task")
    String cancel_task();

    @Message("Reopen")
    String reopen();

    @Message("Assign")
    String assign();

    @Message("Give to (e-mail)")
    String assign_to();

    @Message("Giving the task away from its assignee needs a reason.")
    String assign_hint();

    @Message("No active user with this e-mail.")
    String user_unknown();

    @Message("Task")
    String task_title();

    @Message("Created by {name} on {when}")
    String created_by(String name, String when);

    @Message("Completed by {name} on {when}")
    String completed_by(String name, String when);

    @Message("Cancelled by {name} on {when}")
    String cancelled_by(String name, String when);

    @Message("History")
    String history();

    @Message("Edit")
    String edit();

    @Message("overdue")
    String overdue_badge();

    @Message("Tasks of {key}")
    String card_tasks_title(String key);

    @Message("This card has no tasks yet.")
    String card_tasks_empty();

    @Message("Back to the card")
    String back_to_card();

    @Message("created the task")
    String action_CREATED();

    @Message("edited the task")
    String action_EDITED();

    @Message("assigned it")
    String action_ASSIGNED();

    @Message("reassigned it")
    String action_REASSIGNED();

    @Message("took it")
    String action_CLAIMED();

    @Message("completed it")
    String action_COMPLETED();

    @Message("cancelled it")
    String action_CANCELLED();

    @Message("reopened it")
    String action_REOPENED();

    @Message("Reminders")
    String reminders_title();

    @Message("Reminders you set yourself. Each one becomes a notification at its moment.")
    String reminders_intro();

    @Message("No pending reminders.")
    String reminders_empty();

    @Message("Remind me")
    String remind_me();

    @Message("About")
    String remind_about();

    @Message("In 1 hour")
    String preset_in_1_hour();

    @Message("Tomorrow at 9:00")
    String preset_tomorrow_9();

    @Message("Next Monday at 9:00")
    String preset_next_monday_9();

    @Message("At this moment:")
    String preset_exact();

    @Message("Note (optional)")
    String field_note();

    @Message("Set reminder")
    String set_reminder();

    @Message("When")
    String col_when();

    @Message("Note")
    String col_note();

    @Message("Cancel")
    String cancel_reminder();

    @Message("Reminder set for {when}.")
    String reminder_set(String when);

    @Message("Times are in your time zone, {zone}.")
    String zone_note(String zone);

    @Message("Card {key}")
    String reminder_subject_card(String key);

    @Message("Task: {title}")
    String reminder_subject_task(String title);

    @Message("Notifications")
    String notifications_title();

    @Message("No notifications.")
    String notifications_empty();

    @Message("Notifications: {count} unread")
    String bell(long count);

    @Message("Mark read")
    String mark_read();

    @Message("Mark all read")
    String mark_all_read();

    @Message("Unread only")
    String unread_only();

    @Message("All")
    String show_all();

    @Message("Older")
    String older();

    @Message("unread")
    String unread();

    @Message("Assigned to you")
    String kind_ASSIGNED();

    @Message("Due soon")
    String kind_DUE_SOON();

    @Message("Overdue")
    String kind_OVERDUE();

    @Message("Moved on")
    String kind_TRANSITION();

    @Message("New comment")
    String kind_COMMENT();

    @Message("Your reminder")
    String kind_REMINDER();

    @Message("by {name}")
    String by(String name);

    @Message("Notification settings")
    String settings_title();

    @Message("In-app notifications always arrive. Choose which ones also come by e-mail (when the server sends e-mail).")
    String settings_intro();

    @Message("E-mail me about")
    String settings_email();

    @Message("Your time zone")
    String settings_zone();

    @Message("For example Europe/Moscow or UTC. Dates are shown and \"tomorrow 9:00\" is meant in it.")
    String settings_zone_hint();

    @Message("Settings saved.")
    String settings_saved();

    @Message("Notification settings")
    String settings_link();

    @Message("Background jobs")
    String jobs_title();

    @Message("What each scheduled job of sphere-worker did last on each worker process; a worker's latest run is its heartbeat.")
    String jobs_intro();

    @Message("No job has run yet: is sphere-worker running?")
    String jobs_empty();

    @Message("Job")
    String jobs_job();

    @Message("Worker")
    String jobs_worker();

    @Message("Last start")
    String jobs_last_start();

    @Message("Duration, ms")
    String jobs_duration();

    @Message("Items")
    String jobs_items();

    @Message("Notifications")
    String jobs_notified();

    @Message("Runs")
    String jobs_runs();

    @Message("Failures")
    String jobs_failures();

    @Message("Last error")
    String jobs_last_error();
}
