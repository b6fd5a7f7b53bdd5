package io.sphere.core.demo;

import java.math.BigDecimal;
import java.util.List;

import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.cardtype.FieldKind;
import io.sphere.core.cardtype.FieldOption;
import io.sphere.core.cardtype.FieldValidation;
import io.sphere.core.cardtype.StageDefinition;
import io.sphere.core.cardtype.TransitionDefinition;

/**
 * The sample "Request" process that {@code sphere-cli demo} loads, so that a new installation shows a working
 * system at once. Titles come in English and Russian because Sphere speaks both and the demo should show it.
 */
public final class DemoData {

    public static final String TYPE_KEY = "REQ";
    public static final String TYPE_NAME = "Request";
    public static final String TYPE_DESCRIPTION = "Requests to the service desk (demo data)";
    public static final String OPERATORS = "Operators";
    public static final String MANAGERS = "Managers";
    public static final String OPERATOR_EMAIL = "operator@example.com";
    public static final String OPERATOR_NAME = "Olivia Operator";
    public static final String MANAGER_EMAIL = "manager@example.com";
    public static final String MANAGER_NAME = "Mark Manager";

    static final List<String> CATEGORIES = List.of("hardware", "software", "access", "other");

    static final List<String> ENGLISH_TITLES = List.of(
            "Laptop does not start after the update",
            "Access to the finance share",
            "New monitor for the reception desk",
            "VPN drops every few minutes",
            "Install the accounting software",
            "Printer on the second floor jams",
            "Reset the password of the warehouse account",
            "Order headsets for the call centre",
            "E-mail signature for the new brand",
            "Replace the broken keyboard");

    static final List<String> RUSSIAN_TITLES = List.of(
            "Не работает принтер в бухгалтерии",
            "Доступ к папке отдела кадров",
            "Заменить батарею ноутбука",
            "Установить офисный пакет новому сотруднику",
            "Не приходит почта с сайта",
            "Выдать пропуск подрядчику",
            "Медленный интернет в переговорной",
            "Настроить второй монитор",
            "Обновить антивирус на кассах",
            "Завести учётную запись стажёру");

    private DemoData() {
    }

    /**
     * New → In progress → Done / Rejected. Completing needs a resolution; only Managers may reject; a done request
     * can be reopened.
     */
    public static CardTypeDefinition requestDefinition(long managersGroupId) {
        return new CardTypeDefinition(List.of(
                new FieldDefinition("description", "Description", FieldKind.LONG_TEXT, false, null,
                        "What is needed, and why", new FieldValidation(null, 5_000, null, null, null), null, false),
                new FieldDefinition("category", "Category", FieldKind.SINGLE_SELECT, true, "hardware", null, null,
                        List.of(new FieldOption("hardware", "Hardware", false),
                                new FieldOption("software", "Software", false),
                                new FieldOption("access", "Access", false),
                                new FieldOption("other", "Other", false)),
                        false),
                new FieldDefinition("amount", "Amount", FieldKind.MONEY, false, null, "Expected cost, if any",
                        new FieldValidation(null, null, BigDecimal.ZERO, BigDecimal.valueOf(1_000_000), null), null,
                        false),
                new FieldDefinition("needed_by", "Needed by", FieldKind.DATE, false, null, null, null, null, false),
                new FieldDefinition("resolution", "Resolution", FieldKind.TEXT, false, null,
                        "What was done; needed to complete the request", null, null, false)),
                List.of(new StageDefinition("new", "New", true, false, "P2D"),
                        new StageDefinition("in_progress", "In progress", false, false, "P5D"),
                        new StageDefinition("done", "Done", false, true, null),
                        new StageDefinition("rejected", "Rejected", false, true, null)),
                List.of(new TransitionDefinition("start", "new", "in_progress", "Start", null, null),
                        new TransitionDefinition("complete", "in_progress", "done", "Complete", null,
                                List.of("resolution")),
                        new TransitionDefinition("reject", "new", "rejected", "Reject", List.of(managersGroupId),
                                null),
                        new TransitionDefinition("reopen", "done", "in_progress", "Reopen", null, null)));
    }
}
