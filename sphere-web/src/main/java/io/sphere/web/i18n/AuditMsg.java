package io.sphere.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the audit pages (history, view as of, search, status), in English; Russian in
 * {@code messages/aud_ru.properties}. Templates use {@code {aud:key}}, Java {@link AuditTexts#of}.
 */
@MessageBundle(value = "aud", locale = "en")
public interface AuditMsg {

    @Message("History of {key}")
    String hist_title(String key);

    @Message("Back to the card")
    String hist_back();

    @Message("Nothing has been recorded for this card yet. Changes appear here a moment after they are saved.")
    String hist_empty();

    @Message("Newest first. Times are in {zone}.")
    String hist_hint(String zone);

    @Message("unknown")
    String hist_unknown_actor();

    @Message("request")
    String hist_request();

    @Message("version {version}")
    String hist_version(long version);

    @Message("(empty)")
    String hist_empty_value();

    @Message("Field")
    String hist_col_field();

    @Message("Was")
    String hist_col_from();

    @Message("Became")
    String hist_col_to();

    @Message("Comment: {text}")
    String hist_comment(String text);

    @Message("Older entries →")
    String hist_older();

    @Message("Newest entries")
    String hist_newest();

    @Message("See the card as it was at a moment")
    String asof_legend();

    @Message("Date and time ({zone})")
    String asof_at(String zone);

    @Message("Show")
    String asof_submit();

    @Message("Back to the history")
    String asof_close();

    @Message("{key} as it was at {time}")
    String asof_title(String key, String time);

    @Message("Enter a date and time such as 2026-11-30T14:05.")
    String asof_invalid();

    @Message("The card did not exist yet at that moment.")
    String asof_not_yet();

    @Message("The card had been deleted by then.")
    String asof_deleted();

    @Message("Last change before that moment: {time}, version {version}.")
    String asof_last_change(String time, long version);

    @Message("Title")
    String f_title();

    @Message("Stage")
    String f_stage();

    @Message("Assignee")
    String f_assignee();

    @Message("Priority")
    String f_priority();

    @Message("Due")
    String f_due();

    @Message("Candidate group")
    String f_group();

    @Message("{label} (removed field)")
    String f_removed(String label);

    @Message("Low")
    String prio_low();

    @Message("Normal")
    String prio_normal();

    @Message("High")
    String prio_high();

    @Message("Urgent")
    String prio_urgent();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("created the card")
    String act_card_created();

    @Message("edited the card")
    String act_card_updated();

    @Message("moved the card")
    String act_card_transitioned();

    @Message("changed the assignee")
    String act_card_assigned();

    @Message("started watching")
    String act_card_watched();

    @Message("stopped watching")
    String act_card_unwatched();

    @Message("commented")
    String act_card_commented();

    @Message("deleted the card")
    String act_card_deleted();

    @Message("attached a file")
    String act_attachment_added();

    @Message("removed a file")
    String act_attachment_removed();

    @Message("created a task")
    String act_task_created();

    @Message("changed a task")
    String act_task_updated();

    @Message("logged in")
    String act_login();

    @Message("failed to log in")
    String act_login_failed();

    @Message("logged out")
    String act_logout();

    @Message("changed a password")
    String act_password_changed();

    @Message("changed permissions")
    String act_permission_changed();

    @Message("created an API token")
    String act_api_token_created();

    @Message("revoked an API token")
    String act_api_token_revoked();

    @Message("Audit trail")
    String aud_title();

    @Message("Every recorded change and security event, newest first. Filters combine; the export takes the same filters.")
    String aud_intro();

    @Message("Actor e-mail")
    String aud_f_actor();

    @Message("Card type key")
    String aud_f_type();

    @Message("Card key")
    String aud_f_card();

    @Message("Action")
    String aud_f_action();

    @Message("Field key")
    String aud_f_field();

    @Message("From")
    String aud_f_from();

    @Message("To")
    String aud_f_to();

    @Message("Any")
    String aud_any();

    @Message("Apply")
    String aud_apply();

    @Message("Reset")
    String aud_reset();

    @Message("Export CSV")
    String aud_export();

    @Message("Pipeline status")
    String aud_status_link();

    @Message("Enter a date and time such as 2026-11-30T14:05.")
    String aud_invalid_time();

    @Message("Times are in {zone}.")
    String aud_hint(String zone);

    @Message("No events match these filters.")
    String aud_empty();

    @Message("Time")
    String aud_col_time();

    @Message("Actor")
    String aud_col_actor();

    @Message("Action")
    String aud_col_action();

    @Message("Card")
    String aud_col_card();

    @Message("Changes")
    String aud_col_changes();

    @Message("Request")
    String aud_col_request();

    @Message("Older →")
    String aud_next();

    @Message("Newest")
    String aud_first();

    @Message("Audit pipeline status")
    String st_title();

    @Message("Events waiting in the outbox: {count}")
    String st_backlog(long count);

    @Message("The oldest has been waiting since {time}.")
    String st_oldest(String time);

    @Message("Dead-lettered messages waiting for a person: {count}")
    String st_dead(long count);

    @Message("Dead-lettered messages: unknown, RabbitMQ does not answer ({reason}).")
    String st_dead_unknown(String reason);

    @Message("Queue {queue}: look at the messages in the RabbitMQ console; each one names the event that could not be stored.")
    String st_dead_hint(String queue);

    @Message("This web process is connected to RabbitMQ and relays events.")
    String st_relay_up();

    @Message("This web process is not connected to RabbitMQ: {reason}. Events wait in the outbox and nothing is lost.")
    String st_relay_down(String reason);

    @Message("The relay is switched off in this web process (sphere.audit.relay.enabled=false).")
    String st_relay_off();

    @Message("Relayed by this web process since it started: {count}")
    String st_published(long count);

    @Message("Back to the audit trail")
    String st_back();

    @Message("Audit trail")
    String rl_audit_link();
}
