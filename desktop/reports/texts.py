"""The reports' own words in English and Russian.

Reports are built without Qt (headless, from the command line), so they cannot use Qt's
translator; this table is their catalogue. Placeholders are filled with `str.format`.
"""

from __future__ import annotations

from desktop.domain.words import Lang

TEXTS: dict[str, tuple[str, str]] = {
    # page
    "made_on": ("Made {when}", "Сформировано {when}"),
    "page_of": ("Page {n} of {m}", "Страница {n} из {m}"),
    "signature": ("signature", "подпись"),
    "office_unset": (
        "Office name not set (see Settings)",
        "Наименование организации не задано (см. настройки)",
    ),
    "total": ("Total", "Итого"),
    "yes": ("yes", "да"),
    "no": ("no", "нет"),
    "no_owner": ("owner not recorded", "владелец не указан"),
    "col_no": ("No.", "№"),
    # incident
    "incident_title": ("Incident report {ref}", "Справка о происшествии {ref}"),
    "incident_subtitle": ("{kind}, {when}", "{kind}, {when}"),
    "h_incident": ("Incident", "Сведения о происшествии"),
    "f_reference": ("Reference", "Регистрационный номер"),
    "f_kind": ("Kind", "Вид происшествия"),
    "f_occurred": ("Date and time", "Дата и время"),
    "f_reported": ("Reported", "Дата и время сообщения"),
    "f_region": ("Region", "Субъект Российской Федерации"),
    "f_district": ("District", "Район (городской округ)"),
    "f_settlement": ("Settlement", "Населённый пункт"),
    "f_location": ("Location", "Место"),
    "f_coordinates": ("Coordinates", "Координаты"),
    "f_description": ("Description", "Описание"),
    "f_source": ("Source", "Источник сведений"),
    "f_uavs": ("UAVs downed", "Сбито БПЛА"),
    "f_casualties": ("Injured / killed", "Пострадавшие / погибшие"),
    "f_status": ("Status", "Статус"),
    "h_vehicles": ("Damaged vehicles", "Повреждённые транспортные средства"),
    "h_properties": ("Damaged property", "Повреждённое имущество"),
    "h_claims": ("Claims", "Заявления"),
    "h_totals": ("Totals", "Итоги"),
    "no_vehicles": ("No damaged vehicles recorded.", "Повреждённые транспортные средства не зарегистрированы."),
    "no_properties": ("No damaged property recorded.", "Повреждённое имущество не зарегистрировано."),
    "no_claims": ("No claims filed.", "Заявления не поступали."),
    "col_vehicle": ("Vehicle", "Транспортное средство"),
    "col_plate_vin": ("Plate / VIN", "Госномер / VIN"),
    "col_owner": ("Owner", "Владелец"),
    "col_damage": ("Damage", "Повреждения"),
    "col_severity": ("Severity", "Степень"),
    "col_estimate": ("Estimated cost", "Оценка ущерба"),
    "col_property": ("Property", "Объект"),
    "col_kind": ("Kind", "Вид"),
    "col_claim": ("Claim", "Заявление"),
    "col_filed": ("Filed on", "Дата подачи"),
    "col_claimant": ("Claimant", "Заявитель"),
    "col_incident": ("Incident", "Происшествие"),
    "col_district": ("District", "Район"),
    "col_status": ("Status", "Статус"),
    "col_requested": ("Requested", "Запрошено"),
    "col_approved": ("Approved", "Одобрено"),
    "col_paid": ("Paid", "Выплачено"),
    "col_claims": ("Claims", "Заявлений"),
    "tot_estimated": ("Estimated damage", "Оценка ущерба, всего"),
    "tot_vehicles": ("Damaged vehicles", "Повреждённых транспортных средств"),
    "tot_properties": ("Damaged property items", "Повреждённых объектов имущества"),
    "tot_claims": ("Claims filed", "Подано заявлений"),
    "tot_requested": ("Requested", "Запрошено"),
    "tot_approved": ("Approved", "Одобрено"),
    "tot_paid": ("Paid", "Выплачено"),
    # claim sheet
    "claim_title": ("Claim sheet {number}", "Карточка заявления № {number}"),
    "claim_subtitle": ("filed on {date}", "от {date}"),
    "h_claim": ("Claim", "Заявление"),
    "f_number": ("Number", "Номер"),
    "f_filed": ("Filed on", "Дата подачи"),
    "f_claim_kind": ("Kind of assistance", "Вид помощи"),
    "f_incident": ("Incident", "Происшествие"),
    "f_requested": ("Amount requested", "Запрошенная сумма"),
    "f_insurance": ("Paid by the insurer", "Выплачено страховщиком"),
    "f_notes": ("Notes", "Примечания"),
    "h_claimant": ("Claimant", "Заявитель"),
    "f_full_name": ("Full name", "ФИО / наименование"),
    "f_person_kind": ("Type", "Категория"),
    "f_birth": ("Date of birth", "Дата рождения"),
    "f_id_document": ("Identity document", "Документ, удостоверяющий личность"),
    "f_inn": ("Taxpayer number (INN)", "ИНН"),
    "f_address": ("Address", "Адрес"),
    "f_phone": ("Phone", "Телефон"),
    "f_email": ("E-mail", "Электронная почта"),
    "h_items": ("Damaged items claimed for", "Повреждённое имущество по заявлению"),
    "col_item": ("Item", "Предмет"),
    "h_documents": ("Documents", "Документы"),
    "col_document": ("Document", "Документ"),
    "col_required": ("Required", "Обязателен"),
    "col_received": ("Received", "Представлен"),
    "col_note": ("Note", "Примечание"),
    "doc_missing": ("MISSING", "НЕ ПРЕДСТАВЛЕН"),
    "docs_missing_count": ("Required documents missing: {n}.", "Не представлено обязательных документов: {n}."),
    "docs_complete": ("All required documents received.", "Все обязательные документы представлены."),
    "h_decision": ("Decision", "Решение"),
    "h_decision_payment": ("Decision and payment", "Решение и выплата"),
    "f_decision_number": ("Decision number", "Номер решения"),
    "f_decision_date": ("Decision date", "Дата решения"),
    "f_approved": ("Approved amount", "Одобренная сумма"),
    "f_reason": ("Reason for refusal", "Основание отказа"),
    "f_proposed": ("Proposed by the payment rules", "Предложено по правилам выплат"),
    "approved_above": (
        "Approved above the payment rules' proposal: {approved} approved, {proposed} proposed ({excess} more).",
        "Одобрено больше предложенного по правилам выплат: одобрено {approved}, предложено {proposed} "
        "(больше на {excess}).",
    ),
    "no_decision": ("No decision yet.", "Решение не принято."),
    "h_payment": ("Payment", "Выплата"),
    "f_payment_date": ("Payment date", "Дата выплаты"),
    "f_payment_amount": ("Amount paid", "Выплаченная сумма"),
    "f_payment_ref": ("Payment order", "Платёжное поручение"),
    "no_payment": ("Not paid.", "Выплата не производилась."),
    "h_attachments": ("Attached files", "Приложенные файлы"),
    # register
    "register_title": ("Register of claims", "Реестр заявлений"),
    "register_total": ("Total: {n} claims", "Итого заявлений: {n}"),
    "filters_all": ("All claims", "Все заявления"),
    "filter_filed": ("filed {span}", "дата подачи {span}"),
    "filter_incident_date": ("incidents {span}", "дата происшествия {span}"),
    "span_from_to": ("from {a} to {b}", "с {a} по {b}"),
    "span_from": ("from {a}", "с {a}"),
    "span_to": ("up to {b}", "по {b}"),
    "filter_district": ("district: {v}", "район: {v}"),
    "filter_status": ("status: {v}", "статус: {v}"),
    "filter_incident_kind": ("incident kind: {v}", "вид происшествия: {v}"),
    "filter_incident_status": ("incident {v}", "происшествие {v}"),
    "filter_text": ("containing “{v}”", "содержит «{v}»"),
    "filter_overdue": ("overdue only", "только просроченные"),
    "no_rows": ("No claims match the selection.", "Нет заявлений, отвечающих условиям отбора."),
    "col_answer_due": ("Answer due", "Срок ответа"),
    "col_decision": ("Decision", "Решение"),
    "col_executor": ("Executor", "Исполнитель"),
    "decided_on": ("of {date}", "от {date}"),
    "register_overdue": ("; overdue on {day}: {n}", "; просрочено на {day}: {n}"),
    "filter_has_vehicles": ("with damaged vehicles", "есть повреждённые ТС"),
    "filter_has_properties": ("with damaged property", "есть повреждённое имущество"),
    "order_asc": ("sorted by “{column}”, ascending", "по графе «{column}», по возрастанию"),
    "order_desc": ("sorted by “{column}”, descending", "по графе «{column}», по убыванию"),
    # incidents register
    "incidents_title": ("Register of incidents", "Реестр происшествий"),
    "incidents_total": ("Total: {n} incidents", "Итого происшествий: {n}"),
    "incidents_all": ("All incidents", "Все происшествия"),
    "no_incidents": ("No incidents match the selection.", "Нет происшествий, отвечающих условиям отбора."),
    "filter_claims_status": ("with claims in status “{v}”", "есть заявления в статусе «{v}»"),
    "filter_claims_overdue": ("with overdue claims", "есть просроченные заявления"),
    "col_reference": ("Reference", "Номер"),
    "col_date": ("Date", "Дата"),
    "col_place": ("Place", "Место"),
    "col_region": ("Region", "Субъект РФ"),
    "col_vehicles": ("Vehicles", "ТС"),
    "col_properties": ("Property", "Имущество"),
    # summary
    "summary_title": ("Summary of claims by district and status", "Сводка заявлений по районам и статусам"),
    "h_by_district": ("By district", "По районам (городским округам)"),
    "h_by_status": ("By claim status", "По статусам заявлений"),
    "h_matrix": ("Number of claims by district and status", "Количество заявлений по районам и статусам"),
    "h_chart": ("Sums by district, {unit}", "Суммы по районам, {unit}"),
    "chart_others": ("other districts ({n})", "другие районы ({n})"),
    "unit_rub": ("₽", "₽"),
    "unit_thousand": ("thousand ₽", "тыс. ₽"),
    "unit_million": ("million ₽", "млн ₽"),
    # letter
    "letter_title": ("Request for documents", "О представлении документов"),
    "letter_outgoing": ("No. __________ of ______________", "№ __________ от ______________"),
    "letter_reply_to": ("Re: claim No. {number} of {filed}", "На заявление № {number} от {filed}"),
    "salutation_org": ("Dear Sir or Madam,", "Уважаемые господа!"),
    "letter_p1": (
        "Your claim No. {number} of {filed} ({kind}) concerning the incident {ref} of {date} ({place}) "
        "is under consideration.{items}",
        "Ваше заявление № {number} от {filed} ({kind}) в связи с происшествием {ref} от {date} ({place}) "
        "находится на рассмотрении.{items}",
    ),
    "letter_items": (" Damaged property: {items}.", " Повреждённое имущество: {items}."),
    "letter_p2": (
        "To decide on your claim, please submit the following documents by {due}:",
        "Для принятия решения по заявлению просим представить до {due} следующие документы:",
    ),
    "letter_p3_address": (
        "The documents may be handed in or sent by post to: {address}. Please quote the claim number.",
        "Документы можно представить лично или направить почтой по адресу: {address}. "
        "Просим указать номер заявления.",
    ),
    "letter_p3": (
        "Please quote the claim number when submitting the documents.",
        "При представлении документов просим указать номер заявления.",
    ),
    "letter_p4": (
        "The consideration of your claim will continue once the documents are received.",
        "Рассмотрение заявления будет продолжено после получения документов.",
    ),
    # inspection act
    "act_title": ("Act of inspection of damaged property No. {number}", "Акт обследования повреждённого имущества № {number}"),
    "act_subtitle": ("of {date}", "от {date}"),
    "act_intro": (
        "The commission inspected the property named in claim No. {claim} of {filed} (claimant: {claimant}), "
        "damaged in the incident {ref} of {date} ({place}).",
        "Комиссия провела обследование имущества, указанного в заявлении № {claim} от {filed} (заявитель: "
        "{claimant}), повреждённого в результате происшествия {ref} от {date} ({place}).",
    ),
    "act_intro_no_incident": (
        "The commission inspected the property named in claim No. {claim} of {filed} (claimant: {claimant}).",
        "Комиссия провела обследование имущества, указанного в заявлении № {claim} от {filed} (заявитель: "
        "{claimant}).",
    ),
    "h_commission": ("The commission", "Состав комиссии"),
    "h_inspected": ("Property inspected", "Обследованное имущество"),
    "h_findings": ("Findings", "Результаты обследования"),
    "h_assessed": ("Damage assessed", "Размер ущерба"),
    "act_assessed": (
        "The commission assessed the damage at {amount} ({words}).",
        "Размер ущерба по оценке комиссии составляет {amount} ({words}).",
    ),
    "act_not_assessed": ("The commission did not assess the amount of the damage.",
                         "Размер ущерба комиссией не определён."),
    "h_members_sign": ("Members of the commission", "Подписи членов комиссии"),
    "no_items_found": ("The claimed items are no longer recorded in the incident.",
                       "Указанное в заявлении имущество в происшествии больше не числится."),
    # decision notice
    "notice_title": ("Notice of the decision on your claim", "О результатах рассмотрения заявления"),
    "notice_p1": (
        "Your claim No. {number} of {filed} ({kind}) concerning the incident {ref} of {date} ({place}) has been "
        "considered.",
        "Ваше заявление № {number} от {filed} ({kind}) в связи с происшествием {ref} от {date} ({place}) рассмотрено.",
    ),
    "notice_approved": (
        "By decision No. {decision} of {decided} you are granted assistance of {amount} ({words}).",
        "Решением № {decision} от {decided} Вам предоставлена помощь в размере {amount} ({words}).",
    ),
    "notice_pay_to_account": (
        "The money will be transferred to the bank account you gave.",
        "Денежные средства будут перечислены на указанный Вами банковский счёт.",
    ),
    "notice_need_account": (
        "To receive the money, please submit the details of your bank account, quoting the claim number.",
        "Для перечисления денежных средств просим представить реквизиты Вашего банковского счёта с указанием "
        "номера заявления.",
    ),
    "notice_paid": ("The money was transferred on {date} ({order}).", "Денежные средства перечислены {date} ({order})."),
    "payment_order": ("payment order No. {ref}", "платёжное поручение № {ref}"),
    "notice_rejected": (
        "By decision No. {decision} of {decided} assistance was refused on the following ground: {reason}",
        "Решением № {decision} от {decided} в предоставлении помощи отказано по следующему основанию: {reason}",
    ),
    "notice_appeal": (
        "Under Article 5 of Federal Law No. 59-FZ of 02.05.2006 you may appeal against this decision to the head "
        "of the administration or to a court, as the Code of Administrative Procedure of the Russian Federation "
        "provides.",
        "В соответствии со статьёй 5 Федерального закона от 02.05.2006 № 59-ФЗ Вы вправе обжаловать это решение "
        "главе администрации или в суд в порядке, установленном Кодексом административного судопроизводства "
        "Российской Федерации.",
    ),
    "notice_executor": ("Officer in charge: {name}", "Исп.: {name}"),
    # deadlines
    "deadlines_title": ("Deadline control of claims", "Контроль исполнения заявлений"),
    "deadlines_on": ("open claims on {day}", "незавершённые заявления на {day}"),
    "h_by_executor": ("By executor", "По исполнителям"),
    "col_open": ("Open", "На исполнении"),
    "col_overdue": ("Overdue", "Просрочено"),
    "col_due_soon": ("Due in 3 days", "Срок в ближайшие 3 дня"),
    "col_late_registration": ("Registered late", "Зарегистрировано с нарушением срока"),
    "col_extended": ("Extended", "Срок продлён"),
    "col_registered": ("Registered", "Зарегистрировано"),
    "col_left": ("Days left", "До срока"),
    "col_extension": ("Extended until", "Продлено до"),
    "executor_none": ("No executor assigned", "Исполнитель не назначен"),
    "executor_heading": ("{name}: {n} open, {overdue} overdue", "{name}: на исполнении {n}, просрочено {overdue}"),
    "registered_late": ("late", "с нарушением срока"),
    "left_days": ("{n} d.", "{n} дн."),
    "left_today": ("today", "сегодня"),
    "overdue_days": ("overdue {n} d.", "просрочено на {n} дн."),
    "deadlines_empty": ("No open claims.", "Незавершённых заявлений нет."),
    "filter_executor": ("executor: {v}", "исполнитель: {v}"),
}


def tr(key: str, lang: Lang, **params: object) -> str:
    en, ru = TEXTS[key]
    text = ru if lang == "ru" else en
    return text.format(**params) if params else text
