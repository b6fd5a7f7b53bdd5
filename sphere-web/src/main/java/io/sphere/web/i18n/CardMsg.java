package io.sphere.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the card pages, in templates as {@code {cards:key}}; Russian in {@code messages/cards_ru.properties}. */
@MessageBundle(value = "cards", locale = "en")
public interface CardMsg {

    @Message("Cards")
    String nav_cards();

    @Message("Requests, cases and other cards: lists, forms and their workflow.")
    String section_cards_desc();

    @Message("Cards")
    String list_title();

    @Message("New card")
    String new_card();

    @Message("New card: {type}")
    String new_of(String type);

    @Message("Card {key} was deleted.")
    String deleted(String key);

    @Message("All I may see")
    String tab_all();

    @Message("Assigned to me")
    String tab_assigned();

    @Message("Watching")
    String tab_watching();

    @Message("Open cards of my groups")
    String tab_groups();

    @Message("Card")
    String tab_card();

    @Message("Tasks")
    String tab_tasks();

    @Message("History")
    String tab_history();

    @Message("Attachments")
    String tab_attachments();

    @Message("Any")
    String any();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Someone")
    String someone();

    @Message("Nobody")
    String nobody();

    @Message("Search")
    String filter_q();

    @Message("Stage")
    String filter_stage();

    @Message("Open or closed")
    String filter_open();

    @Message("Assignee")
    String filter_assignee();

    @Message("Me")
    String filter_assignee_me();

    @Message("Priority")
    String filter_priority();

    @Message("Overdue")
    String filter_overdue();

    @Message("Created from")
    String filter_created_from();

    @Message("Created to")
    String filter_created_to();

    @Message("Updated from")
    String filter_updated_from();

    @Message("Updated to")
    String filter_updated_to();

    @Message("Card type")
    String filter_type();

    @Message("List")
    String filter_scope();

    @Message("Order")
    String filter_sort();

    @Message("Page")
    String filter_cursor();

    @Message("Filter")
    String filter_title();

    @Message("Show")
    String filter_apply();

    @Message("Reset filters")
    String filter_reset();

    @Message("Some filters are not valid; correct them to see the cards:")
    String filter_errors();

    @Message("\"{value}\" is not a valid value.")
    String filter_invalid(String value);

    @Message("there is no card type \"{value}\" that you may see.")
    String filter_type_unknown(String value);

    @Message("enter a date as YYYY-MM-DD.")
    String filter_date_hint();

    @Message("Filters by field value need a card type: choose a type tab first.")
    String filter_field_needs_type();

    @Message("There is no field \"{field}\" in this card type.")
    String filter_field_unknown(String field);

    @Message("Cards found: {count}")
    String total(long count);

    @Message("Cards found: {count} or more")
    String total_at_least(long count);

    @Message("No cards match.")
    String empty();

    @Message("Pages")
    String pages();

    @Message("← Previous")
    String page_prev();

    @Message("Next →")
    String page_next();

    @Message("Key")
    String col_key();

    @Message("Title")
    String col_title();

    @Message("Type")
    String col_type();

    @Message("Stage")
    String col_stage();

    @Message("Assignee")
    String col_assignee();

    @Message("Priority")
    String col_priority();

    @Message("Due")
    String col_due();

    @Message("Created")
    String col_created();

    @Message("Updated")
    String col_updated();

    @Message("Overdue")
    String overdue();

    @Message("Closed")
    String closed();

    @Message("Low")
    String priority_low();

    @Message("Normal")
    String priority_normal();

    @Message("High")
    String priority_high();

    @Message("Urgent")
    String priority_urgent();

    @Message("Choose one of the priorities.")
    String priority_invalid();

    @Message("There is no card type in which you may create cards.")
    String no_types();

    @Message("Choose the type of the new card:")
    String choose_type();

    @Message("required")
    String required();

    @Message("Fields marked * are required.")
    String required_hint();

    @Message("Title")
    String field_title();

    @Message("Priority")
    String field_priority();

    @Message("Due date")
    String field_due();

    @Message("Create card")
    String create();

    @Message("Save")
    String save();

    @Message("Save my input over the current version")
    String save_anyway();

    @Message("Cancel")
    String cancel();

    @Message("Edit")
    String edit();

    @Message("Edit {key}")
    String edit_title(String key);

    @Message("Someone saved this card after you opened the form. Nothing was overwritten. Compare the values below: your input is kept in the form.")
    String conflict_intro();

    @Message("Field")
    String conflict_field();

    @Message("When you opened the form")
    String conflict_before();

    @Message("Saved now")
    String conflict_now();

    @Message("Your input")
    String conflict_yours();

    @Message("Check your input against the current values and save again, or cancel to keep the current version.")
    String conflict_reapply();

    @Message("Watch")
    String watch();

    @Message("Stop watching")
    String unwatch();

    @Message("Delete")
    String delete();

    @Message("Delete {key}?")
    String delete_title(String key);

    @Message("Delete card {key} \"{title}\"? It disappears from every list; its key is never reused.")
    String delete_question(String key, String title);

    @Message("Yes, delete")
    String delete_confirm();

    @Message("Move to")
    String transitions();

    @Message("This step needs:")
    String transition_needs();

    @Message("Group")
    String candidate_group();

    @Message("Watchers")
    String watchers();

    @Message("Created")
    String created();

    @Message("Updated")
    String updated();

    @Message("Take it")
    String take();

    @Message("Unassign")
    String unassign();

    @Message("Assign to")
    String assign_to();

    @Message("Assign")
    String assign();

    @Message("Fields")
    String fields();

    @Message("Removed fields")
    String removed_fields();

    @Message("Comments")
    String comments();

    @Message("No comments yet.")
    String no_comments();

    @Message("Add a comment")
    String comment_add();

    @Message("Comment")
    String comment_submit();

    @Message("— none —")
    String group_none();
}
