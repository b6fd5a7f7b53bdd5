package io.sphere.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string of the administration pages, in English; the Russian texts are in
 * {@code messages/adm_ru.properties}. Templates use {@code {adm:key}}, Java {@link AdminTexts#of}.
 */
@MessageBundle(value = "adm", locale = "en")
public interface AdminMsg {

    @Message("Administration")
    String nav_admin();

    @Message("Card types, their workflows and permissions; users and groups.")
    String section_admin_desc();

    @Message("Administration")
    String admin_title();

    @Message("Card types")
    String types_title();

    @Message("Fields, stages, transitions and who may do what.")
    String types_desc();

    @Message("There are no card types you administer yet.")
    String types_empty();

    @Message("Import a card type")
    String import_title();

    @Message("Load a card type from a JSON file exported by Sphere.")
    String import_desc();

    @Message("A file in the format of docs/card-type-format.md creates the type, or saves it as a new version of the type with the same key. Its permissions replace the type's permissions.")
    String import_intro();

    @Message("JSON file")
    String import_file();

    @Message("Import")
    String import_submit();

    @Message("Where")
    String import_location();

    @Message("Choose a JSON file to import.")
    String import_error_no_file();

    @Message("The file is larger than 5 MB.")
    String import_error_too_large();

    @Message("The file is not UTF-8 text.")
    String import_error_encoding();

    @Message("Users")
    String users_title();

    @Message("Accounts, passwords and group membership.")
    String users_desc();

    @Message("Groups")
    String groups_title();

    @Message("Named sets of people that permissions are given to.")
    String groups_desc();

    @Message("Audit trail")
    String audit_title();

    @Message("Who changed what and when, on the cards of the types you administer; CSV export.")
    String audit_desc();

    @Message("Audit delivery")
    String audit_status_title();

    @Message("Events waiting to be relayed, and events the worker could not store.")
    String audit_status_desc();

    @Message("Scheduled jobs")
    String jobs_title();

    @Message("The worker's overdue, reminder, e-mail and retention runs, and each worker's heartbeat.")
    String jobs_desc();

    @Message("There are no groups yet.")
    String groups_empty();

    @Message("Actions")
    String actions();

    @Message("New card type")
    String type_new();

    @Message("Edit")
    String type_edit();

    @Message("Export JSON")
    String type_export();

    @Message("Key")
    String type_key();

    @Message("2–10 capital Latin letters or digits, starting with a letter, e.g. REQ. It cannot change later.")
    String type_key_help();

    @Message("Name")
    String type_name();

    @Message("Description")
    String type_description();

    @Message("Create the card type")
    String type_create();

    @Message("Save as a new version")
    String type_save_version();

    @Message("Saved. The type is now at version {version}.")
    String type_saved(int version);

    @Message("Card type {key} imported.")
    String type_imported(String key);

    @Message("Someone else saved this type meanwhile (now version {version}). Your changes are kept below and were not saved: compare them with the current version, then save again to replace it with yours.")
    String type_conflict(int version);

    @Message("Open the current version in a new tab")
    String type_conflict_open();

    @Message("Some rows hold values of the wrong shape; see the messages next to them.")
    String type_error_rows();

    @Message("Choose the field type.")
    String type_error_kind();

    @Message("Enter a whole number.")
    String type_error_whole_number();

    @Message("Enter a number, e.g. 10 or 2.5.")
    String type_error_number();

    @Message("Workflow")
    String type_workflow();

    @Message("Fields")
    String fields_title();

    @Message("Keys are lowercase Latin letters, digits and _; cards store values under them, so a key never changes. A removed field disappears from forms but its values stay in the cards.")
    String fields_help();

    @Message("Field {n}")
    String field_n(int n);

    @Message("Type")
    String field_kind();

    @Message("Required")
    String field_required();

    @Message("Default value")
    String field_default();

    @Message("Help text")
    String field_help();

    @Message("Min. length")
    String field_min_length();

    @Message("Max. length")
    String field_max_length();

    @Message("Min. value")
    String field_min_value();

    @Message("Max. value")
    String field_max_value();

    @Message("Pattern (regular expression)")
    String field_regex();

    @Message("Options (select fields)")
    String field_options();

    @Message("One per line: value = Label, e.g. high = High priority.")
    String field_options_help();

    @Message("Add a field")
    String field_add();

    @Message("Key")
    String row_key();

    @Message("Name")
    String row_label();

    @Message("Stages")
    String stages_title();

    @Message("Exactly one initial stage and at least one final stage; every stage must be reachable from the initial one. SLA: an ISO duration such as PT4H (4 hours) or P2D (2 days).")
    String stages_help();

    @Message("Stage {n}")
    String stage_n(int n);

    @Message("Initial")
    String stage_initial();

    @Message("Final")
    String stage_final();

    @Message("SLA")
    String stage_sla();

    @Message("Add a stage")
    String stage_add();

    @Message("Transitions")
    String transitions_title();

    @Message("From and to are stage keys. No group ticked: everyone with the transition permission may fire it.")
    String transitions_help();

    @Message("Transition {n}")
    String transition_n(int n);

    @Message("From stage")
    String transition_from();

    @Message("To stage")
    String transition_to();

    @Message("Fields it makes required (keys, comma-separated)")
    String transition_required();

    @Message("Groups allowed to fire it")
    String transition_groups();

    @Message("No groups exist yet.")
    String transition_no_groups();

    @Message("Add a transition")
    String transition_add();

    @Message("Up")
    String move_up();

    @Message("Down")
    String move_down();

    @Message("Remove")
    String remove();

    @Message("Save")
    String save();

    @Message("Version history")
    String history_title();

    @Message("Version")
    String history_version();

    @Message("Saved")
    String history_saved_at();

    @Message("By")
    String history_saved_by();

    @Message("Text")
    String kind_text();

    @Message("Long text")
    String kind_long_text();

    @Message("Number")
    String kind_number();

    @Message("Money")
    String kind_money();

    @Message("Date")
    String kind_date();

    @Message("Date and time")
    String kind_date_time();

    @Message("Yes/no")
    String kind_boolean();

    @Message("Single select")
    String kind_single_select();

    @Message("Multi select")
    String kind_multi_select();

    @Message("User")
    String kind_user();

    @Message("E-mail")
    String kind_email();

    @Message("URL")
    String kind_url();

    @Message("Permissions")
    String permissions_title();

    @Message("Tick what each group may do with the cards of this type. The superuser may do everything regardless.")
    String permissions_intro();

    @Message("Permissions saved.")
    String permissions_saved();

    @Message("There are no groups yet: create one first.")
    String permissions_no_groups();

    @Message("Group")
    String group();

    @Message("View")
    String action_view();

    @Message("Create")
    String action_create();

    @Message("Edit")
    String action_edit();

    @Message("Transition")
    String action_transition();

    @Message("Delete")
    String action_delete();

    @Message("Administer")
    String action_administer();

    @Message("E-mail or name contains")
    String users_search();

    @Message("Search")
    String users_search_submit();

    @Message("{total} user(s)")
    String users_total(long total);

    @Message("E-mail")
    String user_email();

    @Message("Name")
    String user_name();

    @Message("Status")
    String user_status();

    @Message("Last login")
    String user_last_login();

    @Message("Active")
    String user_active();

    @Message("Deactivated")
    String user_inactive();

    @Message("superuser")
    String user_superuser();

    @Message("New user")
    String user_new();

    @Message("Password")
    String user_password();

    @Message("At least 12 characters, not a common password. Leave empty to generate one; it is shown once.")
    String user_password_help();

    @Message("Create the user")
    String user_create();

    @Message("User created.")
    String user_created();

    @Message("The generated password, shown only this once: pass it on securely.")
    String user_password_generated();

    @Message("Password changed; the person's sessions have ended.")
    String user_password_reset();

    @Message("Reset the password")
    String user_reset_password();

    @Message("The person is logged out everywhere.")
    String user_reset_ends_sessions();

    @Message("Deactivate")
    String user_deactivate();

    @Message("Reactivate")
    String user_reactivate();

    @Message("Member of")
    String user_groups();

    @Message("Groups saved.")
    String user_groups_saved();

    @Message("Pages")
    String pages();

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Name")
    String group_name();

    @Message("Description")
    String group_description();

    @Message("Members")
    String group_members();

    @Message("New group")
    String group_new();

    @Message("Create the group")
    String group_create();

    @Message("Nobody is in this group yet.")
    String group_no_members();

    @Message("Add a member by e-mail")
    String group_add_member();

    @Message("Add")
    String group_add();

    @Message("There is no active user with the e-mail {email}.")
    String group_member_unknown(String email);

    @Message("Remove {name} from the group")
    String group_remove_member(String name);

    @Message("Invalid CSRF token")
    String api_csrf_wrong_title();

    @Message("The X-CSRF-TOKEN header does not match this session's CSRF token: reload the page and send the token of its form, or use a personal API token.")
    String api_csrf_wrong();

}
