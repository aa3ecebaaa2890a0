<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="+129"/>
        <source>Something went wrong: {0}

The details are in the log file.</source>
        <translation>Произошла ошибка: {0}

Подробности записаны в журнал работы программы.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incident Log</source>
        <translation>Журнал происшествий</translation>
    </message>
</context>
<context>
    <name>ClaimActions</name>
    <message>
        <location filename="../../desktop/ui/claim_actions.py" line="+59"/>
        <source>The commission&apos;s act of inspection of the selected claim&apos;s items</source>
        <translation>Акт комиссионного обследования имущества по выбранному заявлению</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decision notice…</source>
        <translation>&amp;Уведомление о решении…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The written answer to the claimant; printing it records the notice as sent</source>
        <translation>Письменный ответ заявителю; при печати уведомление отмечается как отправленное</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark the notice as &amp;sent…</source>
        <translation>О&amp;тметить уведомление как отправленное…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the day the decision notice went to the claimant</source>
        <translation>Внести дату отправки заявителю уведомления о решении</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved, unpaid claims the claims register&apos;s filter selects, for the finance department</source>
        <translation>Одобренные и не оплаченные заявления по фильтру реестра заявлений — для бухгалтерии</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the payment of every claim of the payment register, all at once</source>
        <translation>Внести выплату по всем заявлениям реестра на выплату разом</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Inspection &amp;act…</source>
        <translation>&amp;Акт обследования…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pa&amp;yment register</source>
        <translation>Реестр на в&amp;ыплату</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark the payment register as &amp;paid…</source>
        <translation>Отметить реестр как опла&amp;ченный…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deadline con&amp;trol</source>
        <translation>Контроль &amp;исполнения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open claims by executor with their answer dates</source>
        <translation>Незавершённые заявления по исполнителям со сроками ответа</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Inspection act</source>
        <translation>Акт обследования</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decision notice</source>
        <translation>Уведомление о решении</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Claim {0}: the decision notice is recorded as sent on {1}.</source>
        <translation>Заявление {0}: уведомление о решении отмечено как отправленное {1}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark the notice as sent</source>
        <translation>Отметить уведомление как отправленное</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+19"/>
        <source>Decision notice sent</source>
        <translation>Отправка уведомления о решении</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Claim {0} is not decided: there is no notice to send.</source>
        <translation>По заявлению {0} решение не принято: уведомлять не о чем.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recorded as sent on {0}; a new day replaces it.</source>
        <translation>Уже отмечено как отправленное {0}; новая дата заменит прежнюю.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Payment register</source>
        <translation>Реестр на выплату</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+16"/>
        <source>Mark the payment register as paid</source>
        <translation>Отметить реестр как оплаченный</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>No approved claims await payment under this filter.</source>
        <translation>По этому фильтру нет одобренных заявлений, ожидающих выплаты.</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n claim(s) marked paid: {0}, {1} of {2}.</source>
        <translation>
            <numerusform>Отмечено оплаченным %n заявление: {0}, {1} от {2}.</numerusform>
            <numerusform>Отмечено оплаченными %n заявления: {0}, {1} от {2}.</numerusform>
            <numerusform>Отмечено оплаченными %n заявлений: {0}, {1} от {2}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Marking the payment register as paid…</source>
        <translation>Отмечаем оплату по реестру на выплату…</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/claim_form.py" line="+233"/>
        <source>required — missing</source>
        <translation>обязателен — нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>required ✓</source>
        <translation>обязателен ✓</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>assigned on first save</source>
        <translation>присваивается при первом сохранении</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Anything the next clerk should know</source>
        <translation>Всё, что следует знать следующему специалисту</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&amp;Incident:</source>
        <translation>&amp;Происшествие:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clai&amp;mant:</source>
        <translation>За&amp;явитель:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filed on:</source>
        <translation>Да&amp;та подачи:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Requested, ₽:</source>
        <translation>Запро&amp;шено, ₽:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ins&amp;urance paid, ₽:</source>
        <translation>Выплачено стра&amp;ховщиком, ₽:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;tems claimed:</source>
        <translation>П&amp;редметы заявления:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>Прим&amp;ечания:</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Tick each paper as it arrives. Bold ones are required for this claim (the office&apos;s setting); missing required ones are marked in red.</source>
        <translation>Отмечайте каждый документ по мере поступления. Жирным выделены обязательные для этого заявления (по настройкам); отсутствующие обязательные отмечены красным.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received on</source>
        <translation>Дата получения</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Add files…</source>
        <translation>Добавить &amp;файлы…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Claim</source>
        <translation>&amp;Заявление</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claim sheet (&amp;PDF)</source>
        <translation>Карточка заявления (&amp;PDF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request missing documents (P&amp;DF)</source>
        <translation>Запрос недостающих документов (P&amp;DF)</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>already claimed in %1</source>
        <translation>уже заявлено в %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vehicle</source>
        <translation>ТС</translation>
    </message>
    <message>
        <location line="+200"/>
        <source>%1 is already claimed in %2.</source>
        <translation>%1 уже указан в заявлении %2.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Documents (%1 missing)</source>
        <translation>&amp;Документы (не хватает: %1)</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Re&amp;quest documents</source>
        <translation>Запросить доку&amp;менты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start revie&amp;w</source>
        <translation>На&amp;чать рассмотрение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Approve…</source>
        <translation>Одо&amp;брить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record pa&amp;yment…</source>
        <translation>Внести вып&amp;лату…</translation>
    </message>
    <message>
        <location line="+241"/>
        <source>Attachme&amp;nts (%1)</source>
        <translation>Вло&amp;жения (%1)</translation>
    </message>
    <message>
        <location line="-817"/>
        <location line="+434"/>
        <source>&amp;Documents</source>
        <translation>&amp;Документы</translation>
    </message>
    <message>
        <location line="-881"/>
        <source>✓ act %1 of %2 (review tab)</source>
        <translation>✓ акт %1 от %2 (вкладка «Рассмотрение»)</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>not recorded</source>
        <translation>не указан</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>choose or type</source>
        <translation>выберите или введите</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. an expert&apos;s valuation was requested</source>
        <translation>например, запрошено заключение эксперта</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 12-К</source>
        <translation>например, 12-К</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>one per line: position, name</source>
        <translation>по одному в строке: должность, ФИО</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>what the commission saw</source>
        <translation>что установила комиссия</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Received &amp;via:</source>
        <translation>Сп&amp;особ подачи:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;egistered on:</source>
        <translation>Дата ре&amp;гистрации:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xecutor:</source>
        <translation>Испол&amp;нитель:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extended &amp;until:</source>
        <translation>Срок &amp;продлён до:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the e&amp;xtension:</source>
        <translation>&amp;Основание продления:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claimant told on:</source>
        <translation>Заявитель уведомлён:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Act &amp;number:</source>
        <translation>&amp;Номер акта:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Act &amp;date:</source>
        <translation>Да&amp;та акта:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commission &amp;members:</source>
        <translation>&amp;Члены комиссии:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Findings:</source>
        <translation>&amp;Установлено:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessed &amp;amount, ₽:</source>
        <translation>Ущерб по а&amp;кту, ₽:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice of the decision &amp;sent on:</source>
        <translation>&amp;Решение направлено заявителю:</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Re&amp;view and answer</source>
        <translation>Р&amp;ассмотрение и ответ</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Commission&apos;s inspection</source>
        <translation>Обследование комиссией</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer period extended (once, 59-FZ art. 12)</source>
        <translation>Продление срока ответа (однократно, ст. 12 59-ФЗ)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answer to the claimant</source>
        <translation>Ответ заявителю</translation>
    </message>
    <message>
        <location line="+304"/>
        <source>Approved %1, above the %2 the payment rules propose.</source>
        <translation>Одобрено %1 — больше, чем предлагается по правилам выплат (%2).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The executor «%1» is not on the office&apos;s list of executors (Settings).</source>
        <translation>Исполнителя «%1» нет в списке исполнителей (Настройки).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not on the office&apos;s list of executors (Settings).</source>
        <translation>%1 нет в списке исполнителей (Настройки).</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>The answer is due %1 without an extension; it may be extended once, to %2 at the latest.</source>
        <translation>Без продления ответ нужно дать до %1; продлить срок можно один раз, не позднее чем до %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Decision %1 of %2. The claim is answered once the notice is sent.</source>
        <translation>Решение %1 от %2. Ответ считается данным, когда решение направлено заявителю.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date the claimant was sent the decision, once there is one.</source>
        <translation>Дата, когда заявителю направлено решение (после того как оно принято).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reopen on appeal</source>
        <translation>Вернуть на рассмотрение по жалобе</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refuse…</source>
        <translation>От&amp;казать…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdrawn…</source>
        <translation>Отозвано заявителем…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Принято</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Decision %1 of %2: approved %3.</source>
        <translation>Решение %1 от %2: одобрено %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision %1 of %2: refused. %3</source>
        <translation>Решение %1 от %2: отказано. %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid %1 on %2 (%3).</source>
        <translation>Выплачено %1 %2 (%3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This status is final.</source>
        <translation>Это окончательный статус.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Changes the status and saves the claim</source>
        <translation>Меняет статус и сохраняет заявление</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Asks for the reason; the history keeps it with the claim as it was</source>
        <translation>Спросит причину; история сохранит её вместе с прежним состоянием заявления</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The claim is paid</source>
        <translation>Заявление оплачено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The claim is approved</source>
        <translation>Заявление одобрено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The claim is refused</source>
        <translation>В заявлении отказано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The claim is withdrawn</source>
        <translation>Заявление отозвано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to change it, first reverse the payment (with the reason).</source>
        <translation>чтобы изменить его, сначала отмените выплату (с указанием причины).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to change it, reopen the decision (with the reason).</source>
        <translation>чтобы изменить его, отмените решение (с указанием причины).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to change it, reopen it on appeal.</source>
        <translation>чтобы изменить его, возобновите рассмотрение по обжалованию.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it cannot be changed; notes and attachments can.</source>
        <translation>его нельзя изменить; заметки и вложения — можно.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its details are locked;</source>
        <translation>его данные закрыты для правки;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reverse the payment…</source>
        <translation>Отменить выплату…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reopen the decision…</source>
        <translation>Отменить решение…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save or discard the other changes first.</source>
        <translation>Сначала сохраните или отмените другие изменения.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reverse the payment</source>
        <translation>Отмена выплаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is the payment of %1 reversed? (kept in the claim&apos;s history)</source>
        <translation>Почему выплата %1 отменяется? (сохраняется в истории заявления)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reopen the decision</source>
        <translation>Отмена решения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is decision %1 reopened? The claim goes back under review (kept in the claim&apos;s history).</source>
        <translation>Почему решение %1 отменяется? Заявление вернётся на рассмотрение (причина сохраняется в истории заявления).</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Claim withdrawn</source>
        <translation>Заявление отозвано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record that the claimant withdrew the claim? A withdrawn claim cannot be reopened.</source>
        <translation>Отметить, что заявитель отозвал заявление? Отозванное заявление нельзя вернуть в работу.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Claim %1</source>
        <translation>Заявление %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New claim</source>
        <translation>Новое заявление</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Attach scans or photos</source>
        <translation>Приложить сканы или фотографии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scans and photos (%1);;All files (*)</source>
        <translation>Сканы и фотографии (%1);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot attach</source>
        <translation>Не удаётся приложить</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+6"/>
        <location line="+3"/>
        <source>Cannot open</source>
        <translation>Не удаётся открыть</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The file&apos;s contents are not in this database (it came from an export without attachments).</source>
        <translation>Содержимого файла нет в этой базе (запись пришла из экспорта без вложений).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No program opens %1.</source>
        <translation>Нет программы, открывающей %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove attachment</source>
        <translation>Удаление вложения</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove %1 from this claim?</source>
        <translation>Удалить %1 из этого заявления?</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
</context>
<context>
    <name>ClaimItemsList</name>
    <message>
        <location filename="../../desktop/ui/widgets/claim_items.py" line="+149"/>
        <source>No item matches «%1». Esc clears the search.</source>
        <translation>Ни один предмет не подходит под «%1». Esc очищает поиск.</translation>
    </message>
</context>
<context>
    <name>ClaimPathPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/claim_path.py" line="+132"/>
        <source>how: not recorded</source>
        <translation>способ не указан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Поступило</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <location line="+4"/>
        <source>Registered</source>
        <translation>Зарегистрировано</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>due by %1</source>
        <translation>не позднее %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s) late</source>
        <translation>
            <numerusform>с опозданием на %n день</numerusform>
            <numerusform>с опозданием на %n дня</numerusform>
            <numerusform>с опозданием на %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered after the registration date (59-FZ)</source>
        <translation>Зарегистрировано позже установленного срока (59-ФЗ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No date of its own: registered on the filing day</source>
        <translation>Дата регистрации не указана: зарегистрировано в день подачи</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2 required so far</source>
        <translation>пока %1 из %2 обязательных</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>waits for the claimant and items</source>
        <translation>ждёт заявителя и предметов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waits for the claimant</source>
        <translation>ждёт заявителя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waits for the items</source>
        <translation>ждёт предметов</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <location line="+5"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The required papers depend on who claims (a person&apos;s identity document and consent) and on what is claimed (a vehicle&apos;s registration, a property&apos;s ownership): the count is final once the claimant and the items are chosen.</source>
        <translation>Обязательные документы зависят от заявителя (у физического лица — документ, удостоверяющий личность, и согласие на обработку данных) и от предметов (у ТС — свидетельство о регистрации, у имущества — документ о праве собственности): число окончательное, когда выбраны заявитель и предметы.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none required</source>
        <translation>обязательных нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 required</source>
        <translation>%1 из %2 обязательных</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <source>Inspection</source>
        <translation>Обследование</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>not held</source>
        <translation>не проводилось</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>act %1 of %2</source>
        <translation>акт %1 от %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assessed %1</source>
        <translation>ущерб %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>proposed %1</source>
        <translation>предложено %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2</source>
        <translation>%1 от %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approved %1</source>
        <translation>одобрено %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>refused</source>
        <translation>отказано</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>withdrawn by the claimant</source>
        <translation>отозвано заявителем</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not taken yet</source>
        <translation>не принято</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+23"/>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>extended to %1</source>
        <translation>срок продлён до %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>answer due %1</source>
        <translation>ответ до %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>просрочено на %n день</numerusform>
            <numerusform>просрочено на %n дня</numerusform>
            <numerusform>просрочено на %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>остался %n день</numerusform>
            <numerusform>осталось %n дня</numerusform>
            <numerusform>осталось %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extended: %1</source>
        <translation>Срок продлён: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The claimant was told on %1</source>
        <translation>Заявитель уведомлён %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved above the proposal of the payment rules</source>
        <translation>Одобрено больше предложенного по правилам выплат</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>Notice</source>
        <translation>Уведомление</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>after the decision</source>
        <translation>после решения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent %1</source>
        <translation>направлено %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent yet</source>
        <translation>не направлено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The claim is answered once the claimant is sent the decision</source>
        <translation>Ответ считается данным, когда решение направлено заявителю</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>Payment</source>
        <translation>Выплата</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>awaited</source>
        <translation>ожидается</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>не положена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>after approval</source>
        <translation>после одобрения</translation>
    </message>
</context>
<context>
    <name>ClaimRegisterModel</name>
    <message>
        <location filename="../../desktop/ui/models/registers.py" line="+360"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filed on</source>
        <translation>Дата подачи</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claimant</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Incident</source>
        <translation>Происшествие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requested</source>
        <translation>Запрошено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approved</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>Выплачено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Executor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer due</source>
        <translation>Срок ответа</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time left</source>
        <translation>До срока</translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>просрочка %n день</numerusform>
            <numerusform>просрочка %n дня</numerusform>
            <numerusform>просрочка %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>остался %n день</numerusform>
            <numerusform>осталось %n дня</numerusform>
            <numerusform>осталось %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decided: no answer is due</source>
        <translation>Решение принято: срок ответа не течёт</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>An answer is due within %n day(s) of registration (59-FZ), or on the date it was extended to.</source>
        <translation>
            <numerusform>Ответ — в течение %n дня со дня регистрации (59-ФЗ) или к дате, до которой продлён срок.</numerusform>
            <numerusform>Ответ — в течение %n дней со дня регистрации (59-ФЗ) или к дате, до которой продлён срок.</numerusform>
            <numerusform>Ответ — в течение %n дней со дня регистрации (59-ФЗ) или к дате, до которой продлён срок.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <location filename="../../desktop/ui/dialogs/conflict.py" line="+33"/>
        <source>Claim {0}</source>
        <translation>Заявление {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident {0}</source>
        <translation>Происшествие {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The person {0}</source>
        <translation>Карточка «{0}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} was changed by {1} at {2}, after it was opened here.</source>
        <translation>{0} изменил(а) {1} в {2}, уже после того, как оно было открыто здесь.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload their version (the changes made here are dropped), or save yours over it (the history records that you did)?</source>
        <translation>Загрузить их версию (изменения, сделанные здесь, не сохранятся) или сохранить свою поверх неё (это будет записано в истории)?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keeping yours puts only what you changed here over their version; their other changes stay.</source>
        <translation>«Сохранить мою» запишет поверх их версии только изменённое здесь; остальные их изменения сохранятся.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>• {0}: theirs «{1}», yours «{2}»</source>
        <translation>• {0}: у них «{1}», у вас «{2}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… fields changed by both, besides these: {0}</source>
        <translation>… других полей, изменённых обоими: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You both changed:</source>
        <translation>Вы оба изменили:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Changed by someone else</source>
        <translation>Изменено другим пользователем</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload theirs</source>
        <translation>&amp;Загрузить их версию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep mine</source>
        <translation>&amp;Сохранить мою</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/claim_actions.py" line="-85"/>
        <location filename="../../desktop/ui/dialogs/conflict.py" line="+21"/>
        <source>saved over the change by {0} at {1}</source>
        <translation>сохранено поверх изменений {0} от {1}</translation>
    </message>
</context>
<context>
    <name>DatabaseTroubleDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/db_trouble.py" line="+84"/>
        <source>The database cannot be opened</source>
        <translation>Не удаётся открыть базу данных</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore a backup…</source>
        <translation>Восстановить из резервной копии…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open another file…</source>
        <translation>Открыть другой файл…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No backups in {0}</source>
        <translation>В папке {0} нет резервных копий</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Another program, or another copy of Incident Log, is writing to it. Close it and try again.</source>
        <translation>С ней работает другая программа или другая копия журнала. Закройте её и повторите попытку.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If the folder is on a network drive, connect the drive and try again; or open another database file.</source>
        <translation>Если папка на сетевом диске, подключите диск и повторите попытку; или откройте другой файл базы данных.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Install the newer version of Incident Log, or open another database file.</source>
        <translation>Установите более новую версию программы или откройте другой файл базы данных.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free some space on the disk (delete or move files you do not need), then try again. The database itself is not damaged.</source>
        <translation>Освободите место на диске (удалите или перенесите ненужные файлы) и повторите. Сама база данных не повреждена.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file, its folder or the drive is protected from writing. Ask your administrator for write access, or open another database file.</source>
        <translation>Файл, его папка или диск защищены от записи. Попросите администратора дать право записи или откройте другой файл базы данных.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check that the folder exists and that you may use it (ask your administrator), then try again; or open another database file.</source>
        <translation>Проверьте, что папка существует и у вас есть права на неё (спросите администратора), и повторите; или откройте другой файл базы данных.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk or the network connection failed while reading or writing. Check the drive or the connection and try again.</source>
        <translation>Сбой диска или сетевого подключения при чтении или записи. Проверьте диск или подключение и повторите.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The shared log&apos;s server does not answer. Check the network connection and press “Try again” to reconnect; or open a database file on this computer.</source>
        <translation>Сервер общего журнала не отвечает. Проверьте подключение к сети и нажмите «Повторить», чтобы подключиться снова, или откройте файл базы данных на этом компьютере.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No connection to the shared log&apos;s server. Check the log&apos;s address (server, port, database, login) with the administrator and the network connection, then press “Try again”; or open a database file on this computer.</source>
        <translation>Нет подключения к серверу общего журнала. Сверьте адрес журнала (сервер, порт, база данных, имя пользователя) с администратором, проверьте подключение к сети и нажмите «Повторить» или откройте файл базы данных на этом компьютере.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The shared log&apos;s address is mistyped. Ask the administrator for the right one (postgresql://login@server/database); or open a database file on this computer.</source>
        <translation>Адрес общего журнала записан с ошибкой. Узнайте верный адрес у администратора (postgresql://имя@сервер/база) или откройте файл базы данных на этом компьютере.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server did not accept your login or its rights. Ask the administrator to create your role (see the installation guide), then try again.</source>
        <translation>Сервер не принял ваше имя пользователя или его права. Попросите администратора создать вам учётную запись (см. руководство по установке) и повторите.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore the latest backup, or open another database file. The damaged file is kept beside the restored one.</source>
        <translation>Восстановите последнюю резервную копию или откройте другой файл базы данных. Повреждённый файл сохранится рядом с восстановленным.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+60"/>
        <source>Restore a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Backups in {0}, newest first:</source>
        <translation>Резервные копии в папке {0}, сначала новые:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incident Log databases (*.sqlite3 *.sqlite *.db)</source>
        <translation>Базы данных журнала (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The backup could not be restored: {0}</source>
        <translation>Не удалось восстановить резервную копию: {0}</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../desktop/ui/widgets/dates.py" line="+36"/>
        <source>dd.mm.yyyy hh:mm</source>
        <translation>дд.мм.гггг чч:мм</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the date with dots, e.g. 14.09.2026 02:40</source>
        <translation>Введите дату через точки, например 14.09.2026 02:40</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the date with dots, e.g. 14.09.2026</source>
        <translation>Введите дату через точки, например 14.09.2026</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Calendar (F4)</source>
        <translation>Календарь (F4)</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <location filename="../../desktop/ui/dialogs/decision.py" line="+41"/>
        <source>Approved %1 plus insurance %2 is above the estimated cost of the items, %3.</source>
        <translation>Одобрено %1 плюс страховая выплата %2 — больше оценочной стоимости предметов (%3).</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>Approved without the required documents (%1): %2</source>
        <translation>Одобрено без обязательных документов (%1): %2</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location line="-124"/>
        <source>Refuse the claim</source>
        <translation>Отказ по заявлению</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approve the claim</source>
        <translation>Одобрение заявления</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claim %1: record the administration&apos;s decision.</source>
        <translation>Заявление %1: внесите решение администрации.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. РП-112</source>
        <translation>например, РП-112</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Decision &amp;number:</source>
        <translation>&amp;Номер решения:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision &amp;date:</source>
        <translation>&amp;Дата решения:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reason for refusal:</source>
        <translation>&amp;Причина отказа:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Approved amount, ₽:</source>
        <translation>&amp;Одобренная сумма, ₽:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approve &amp;without them</source>
        <translation>Одобрить &amp;без них</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>why the claim is approved without these documents</source>
        <translation>почему заявление одобряется без этих документов</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Required documents not received: %1.</source>
        <translation>Не получены обязательные документы: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing documents:</source>
        <translation>Недостающие документы:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for &amp;approving without them:</source>
        <translation>&amp;Причина одобрения без них:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Requested: %1
Insurance paid: %2
Estimated cost of the items: %3</source>
        <translation>Запрошено: %1
Выплачено страховщиком: %2
Оценочная стоимость предметов: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>By the payment rules:</source>
        <translation>По правилам выплат:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>nothing to propose: the claim lists no items of the incident</source>
        <translation>предложить нечего: в заявлении нет предметов происшествия</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No item has an assessed cost (an inspection act or an estimate): the rules propose nothing; the amount offered is the requested one less insurance.</source>
        <translation>Ни у одного предмета нет оценки (по акту обследования или предварительной): правила выплат ничего не предлагают; подставлена запрошенная сумма за вычетом страховой выплаты.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Not the %1 the payment rules propose.</source>
        <translation>По правилам выплат предлагается %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Approve %1? The payment rules propose %2; an amount above the proposal is flagged on the claim sheet.</source>
        <translation>Одобрить %1? По правилам выплат предлагается %2; сумма больше предложенной будет отмечена в карточке заявления.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve %1? The payment rules propose %2.</source>
        <translation>Одобрить %1? По правилам выплат предлагается %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another amount than proposed</source>
        <translation>Сумма отличается от предложенной</translation>
    </message>
</context>
<context>
    <name>DistrictChecklist</name>
    <message>
        <location filename="../../desktop/ui/widgets/district_list.py" line="+137"/>
        <source>All districts</source>
        <translation>Все районы</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n district(s)</source>
        <translation>
            <numerusform>%n район</numerusform>
            <numerusform>%n района</numerusform>
            <numerusform>%n районов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>District: tick one or several</source>
        <translation>Район: отметьте один или несколько</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="+142"/>
        <source>Search: reference, place, name, phone, plate, VIN…</source>
        <translation>Поиск: номер, место, имя, телефон, госномер, VIN…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search: number, claimant, phone, plate, decision…</source>
        <translation>Поиск: номер, заявитель, телефон, госномер, решение…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/claim_items.py" line="-97"/>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="+1"/>
        <source>Search: plate (any part), VIN, make, owner, phone…</source>
        <translation>Поиск: госномер (любая часть), VIN, марка, владелец, телефон…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="+1"/>
        <source>Search: surname, organisation, phone, INN…</source>
        <translation>Поиск: фамилия, организация, телефон, ИНН…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From this date (inclusive)</source>
        <translation>С этой даты (включительно)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to this date (inclusive)</source>
        <translation>По эту дату (включительно)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any period</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week</source>
        <translation>Эта неделя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A period by name, or the dates typed beside it</source>
        <translation>Период по названию или даты, введённые рядом</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of incident</source>
        <translation>Вид происшествия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open and closed</source>
        <translation>Открытые и закрытые</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status of the incident</source>
        <translation>Статус происшествия</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status of the claim</source>
        <translation>Статус заявления</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+70"/>
        <source>All executors</source>
        <translation>Все исполнители</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Executor: the clerk who answers the claim</source>
        <translation>Исполнитель: специалист, готовящий ответ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overdue only</source>
        <translation>Только просроченные</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Click to show all incidents again</source>
        <translation>Нажмите, чтобы снова показать все происшествия</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show everything again</source>
        <translation>Снова показать всё</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Claims with no decision %n day(s) after they were registered (or on the date the answer was extended to)</source>
        <translation>
            <numerusform>Заявления без решения через %n день после регистрации (или после даты, до которой продлён срок)</numerusform>
            <numerusform>Заявления без решения через %n дня после регистрации (или после даты, до которой продлён срок)</numerusform>
            <numerusform>Заявления без решения через %n дней после регистрации (или после даты, до которой продлён срок)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+155"/>
        <source>with damaged vehicles</source>
        <translation>с повреждёнными ТС</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with damaged property</source>
        <translation>с повреждённым имуществом</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="+47"/>
        <source>Setting up the log</source>
        <translation>Настройка журнала</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Welcome!&lt;/b&gt; Tell the program about your office: the name and address head every report, the signatory signs the claim sheets and letters, and the districts are offered in every incident. You can skip this and fill it in later in Settings (Ctrl+,).</source>
        <translation>&lt;b&gt;Добро пожаловать!&lt;/b&gt; Расскажите программе об учреждении: наименование и адрес печатаются в заголовке каждого отчёта, подписывающее лицо подписывает карточки заявлений и письма, а районы предлагаются в каждом происшествии. Это можно пропустить и заполнить позже в настройках (Ctrl+,).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. Administration of the city of Kaluga</source>
        <translation>например, Администрация города Калуги</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 248000, Kaluga, Voskresenskaya st., 10</source>
        <translation>например, 248000, г. Калуга, ул. Воскресенская, 10</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. I. I. Ivanov</source>
        <translation>например, И. И. Иванов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Head of Administration</source>
        <translation>например, Глава администрации</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One district per line; Ctrl+Enter saves</source>
        <translation>По одному району в строке; Ctrl+Enter — сохранить</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Office name:</source>
        <translation>&amp;Наименование органа:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес органа:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Signatory&apos;s name:</source>
        <translation>&amp;Подписывающее лицо:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatory&apos;s &amp;position:</source>
        <translation>&amp;Должность подписывающего:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Region:</source>
        <translation>&amp;Регион:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Districts, one per line:</source>
        <translation>Ра&amp;йоны, по одному в строке:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Esc: fill it in later in Settings</source>
        <translation>Esc: заполнить позже в настройках</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The districts list cannot be empty.</source>
        <translation>Список районов не может быть пустым.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/validated.py" line="+454"/>
        <location line="+280"/>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>Save and keep the form open (Ctrl+S)</source>
        <translation>Сохранить, не закрывая форму (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and c&amp;lose</source>
        <translation>Сохранить и закр&amp;ыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and close (Ctrl+Enter)</source>
        <translation>Сохранить и закрыть (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc); asks about unsaved changes</source>
        <translation>Закрыть (Esc); спросит о несохранённых изменениях</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+2"/>
        <location line="+135"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Another clerk deleted this record while it was open here; it was not saved again.</source>
        <translation>Пока запись была открыта здесь, её удалил другой сотрудник; повторно она не сохранена.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 — not saved</source>
        <translation>%1 — не сохранено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed since it was saved at %1</source>
        <translation>Изменено после сохранения в %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved yet</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>…and %1 more</source>
        <translation>…и ещё %1</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Changed, not saved</source>
        <translation>Изменено, не сохранено</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved at %1</source>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>To save, fill in: %1</source>
        <translation>Чтобы сохранить, заполните: %1</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes before closing?</source>
        <translation>Сохранить изменения перед закрытием?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Don&apos;t save</source>
        <translation>&amp;Не сохранять</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="+141"/>
        <source>Incident Log: user manual</source>
        <translation>Журнал происшествий: руководство пользователя</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The manual is missing from this installation: {0}</source>
        <translation>В этой установке нет руководства: {0}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/history.py" line="+50"/>
        <source>reference</source>
        <translation>номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation>номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date and time</source>
        <translation>дата и время</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reported</source>
        <translation>сообщено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>region</source>
        <translation>регион</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>district</source>
        <translation>район</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>settlement</source>
        <translation>населённый пункт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>location</source>
        <translation>место</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>latitude</source>
        <translation>широта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>longitude</source>
        <translation>долгота</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description</source>
        <translation>описание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drones downed</source>
        <translation>сбито БПЛА</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>injured</source>
        <translation>ранено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>killed</source>
        <translation>погибло</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>owner</source>
        <translation>владелец</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>make</source>
        <translation>марка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model</source>
        <translation>модель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>year</source>
        <translation>год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>colour</source>
        <translation>цвет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plate</source>
        <translation>госномер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIN</source>
        <translation>VIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damage</source>
        <translation>повреждения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>severity</source>
        <translation>степень</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated cost</source>
        <translation>оценка ущерба</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incident</source>
        <translation>происшествие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claimant</source>
        <translation>заявитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>items</source>
        <translation>предметы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filed on</source>
        <translation>дата подачи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requested</source>
        <translation>запрошено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>insurance paid</source>
        <translation>выплачено страховщиком</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received on</source>
        <translation>дата получения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>примечание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>примечания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decision</source>
        <translation>решение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved amount</source>
        <translation>одобренная сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment</source>
        <translation>выплата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amount</source>
        <translation>сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full name</source>
        <translation>ФИО / наименование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth date</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>identity document</source>
        <translation>документ, удостоверяющий личность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>type</source>
        <translation>тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size</source>
        <translation>размер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>значение</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>created</source>
        <translation>создано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>vehicle %1</source>
        <translation>ТС %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>property %1</source>
        <translation>имущество %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>document “%1”</source>
        <translation>документ «%1»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>attachment %1</source>
        <translation>вложение %1</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1: %2 fields</source>
        <translation>%1: полей — %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Entries in the audit trail: %1</source>
        <translation>Записей в журнале изменений: %1</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+12"/>
        <source>Was</source>
        <translation>Было</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+12"/>
        <source>Now</source>
        <translation>Стало</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>No changes recorded for this record.</source>
        <translation>Для этой записи изменений не зафиксировано.</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/incident_form.py" line="+136"/>
        <source>assigned on first save</source>
        <translation>присваивается при первом сохранении</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not known: dd.mm.yyyy hh:mm</source>
        <translation>не известно: дд.мм.гггг чч:мм</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>choose or type</source>
        <translation>выберите или введите</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>where exactly: “near the pond on the edge of Kaluga”</source>
        <translation>где именно: «у пруда на окраине Калуги»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not known</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>where the report came from</source>
        <translation>откуда поступило сообщение</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Date and time:</source>
        <translation>&amp;Дата и время:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;ported:</source>
        <translation>Сооб&amp;щено:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stat&amp;us:</source>
        <translation>Стат&amp;ус:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Region:</source>
        <translation>&amp;Регион:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dis&amp;trict:</source>
        <translation>Ра&amp;йон:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settle&amp;ment:</source>
        <translation>&amp;Населённый пункт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Location:</source>
        <translation>&amp;Место:</translation>
    </message>
    <message>
        <location line="+472"/>
        <source>Remove vehicle</source>
        <translation>Удаление ТС</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove property</source>
        <translation>Удаление имущества</translation>
    </message>
    <message>
        <location line="-498"/>
        <source>latitude, e.g. 54.5138</source>
        <translation>широта, например 54.5138</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>longitude, e.g. 36.2612</source>
        <translation>долгота, например 36.2612</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decimal degrees; give both or neither</source>
        <translation>Десятичные градусы; укажите обе координаты или ни одной</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Latitude:</source>
        <translation>Широта:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude:</source>
        <translation>Долгота:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drones do&amp;wned:</source>
        <translation>Сбито &amp;БПЛА:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Injured:</source>
        <translation>Р&amp;анено:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kill&amp;ed:</source>
        <translation>По&amp;гибло:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Source:</source>
        <translation>Ист&amp;очник:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descr&amp;iption:</source>
        <translation>О&amp;писание:</translation>
    </message>
    <message>
        <location line="+304"/>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <location line="-275"/>
        <source>&amp;New claim…</source>
        <translation>Новое за&amp;явление…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident summary (&amp;PDF)</source>
        <translation>Справка о происшествии (&amp;PDF)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reference:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>C&amp;oordinates:</source>
        <translation>&amp;Координаты:</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>&amp;Add a vehicle (Ins)</source>
        <translation>Добавить ТС (Ins)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add property (Ins)</source>
        <translation>Добавить имущество (Ins)</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Add “%1” to the office&apos;s districts</source>
        <translation>Добавить «%1» в список районов</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Vehicle %1</source>
        <translation>ТС %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Property %1</source>
        <translation>Имущество %1</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Incident %1</source>
        <translation>Происшествие %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New incident</source>
        <translation>Новое происшествие</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>new in the log, saved with the incident</source>
        <translation>новое лицо, сохраняется вместе с происшествием</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Vehicles (%1)</source>
        <translation>&amp;ТС (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;roperty (%1)</source>
        <translation>Имущ&amp;ество (%1)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Cannot remove</source>
        <translation>Удалить нельзя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is listed in claim %2. Remove it from the claim first.</source>
        <translation>%1 указан в заявлении %2. Сначала уберите его из заявления.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove %1 from this incident?</source>
        <translation>Удалить %1 из этого происшествия?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Claims (%1)</source>
        <translation>&amp;Заявления (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saves the incident first if it has unsaved changes</source>
        <translation>Сначала сохраняет происшествие, если в нём есть несохранённые изменения</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Claims</source>
        <translation>Заявления</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This claim no longer exists; the list of claims is refreshed.</source>
        <translation>Этого заявления больше нет; список заявлений обновлён.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
</context>
<context>
    <name>IncidentRegisterModel</name>
    <message>
        <location filename="../../desktop/ui/models/registers.py" line="-143"/>
        <source>Reference</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vehicles</source>
        <translation>ТС</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Property</source>
        <translation>Имущество</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claims</source>
        <translation>Заявления</translation>
    </message>
</context>
<context>
    <name>ItemGrid</name>
    <message>
        <location filename="../../desktop/ui/widgets/item_grid.py" line="+242"/>
        <source>&amp;Open… (Enter)</source>
        <translation>Открыть… (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move (Del)</source>
        <translation>Удалить (Del)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All the fields of the row, the owner&apos;s details too</source>
        <translation>Все поля строки, в том числе данные владельца</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ins: new row · F2: edit the cell · Tab or Enter: next cell · Enter on a row: all its fields · Ctrl+Enter: save and close</source>
        <translation>Ins — новая строка · F2 — править ячейку · Tab или Enter — следующая ячейка · Enter на строке — все поля · Ctrl+Enter — сохранить и закрыть</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Use %1 (F3)</source>
        <translation>Взять из журнала: %1 (F3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Row %1: the new owner “%2” may already be in the log: %3.</source>
        <translation>Строка %1: новый владелец «%2», возможно, уже есть в журнале: %3.</translation>
    </message>
</context>
<context>
    <name>ItemRows</name>
    <message>
        <location filename="../../desktop/ui/models/item_rows.py" line="+68"/>
        <source>Make</source>
        <translation>Марка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plate</source>
        <translation>Госномер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIN</source>
        <translation>VIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Damage</source>
        <translation>Повреждения</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Estimate, ₽</source>
        <translation>Оценка ущерба, ₽</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+15"/>
        <source>Severity</source>
        <translation>Степень</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Property</source>
        <translation>Имущество</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+343"/>
        <source>Not a Russian plate: it is kept as a foreign one. Check the letters if the car is Russian.</source>
        <translation>Не российский госномер: сохранится как иностранный. Если машина российская, проверьте буквы.</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../desktop/ui/dialogs/progress.py" line="+37"/>
        <source>Something went wrong: {0}</source>
        <translation>Произошла ошибка: {0}</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please wait</source>
        <translation>Подождите</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+100"/>
        <source>Incident Log</source>
        <translation>Журнал происшествий</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Overview</source>
        <translation>Сво&amp;дка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Incidents</source>
        <translation>&amp;Происшествия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Claims</source>
        <translation>Зая&amp;вления</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vehicles</source>
        <translation>&amp;ТС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;eople</source>
        <translation>&amp;Лица</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import an interchange file (JSON or ZIP)</source>
        <translation>Импортировать файл обмена (JSON или ZIP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to JSON, ZIP or an Excel workbook</source>
        <translation>Экспортировать в JSON, ZIP или книгу Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backup…</source>
        <translation>&amp;Резервная копия…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a consistent copy of the database</source>
        <translation>Записать согласованную копию базы данных</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Открыть базу данных…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to a &amp;server…</source>
        <translation>Подключиться к &amp;серверу…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work on a log shared by the office&apos;s clerks on a PostgreSQL server</source>
        <translation>Работать с общим журналом специалистов администрации на сервере PostgreSQL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;incident…</source>
        <translation>Новое &amp;происшествие…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;claim…</source>
        <translation>Новое &amp;заявление…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open selected</source>
        <translation>&amp;Открыть выбранное</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every change of the selected record</source>
        <translation>Все изменения выбранной записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>Об&amp;новить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Incident summary…</source>
        <translation>&amp;Справка о происшествии…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Claim sheet…</source>
        <translation>&amp;Карточка заявления…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print the register on screen</source>
        <translation>&amp;Напечатать реестр с экрана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The incidents or claims register as it shows: what its filter selects, in its order</source>
        <translation>Реестр происшествий или заявлений так, как он показан: отобранное фильтром, в том же порядке</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claims &amp;register</source>
        <translation>&amp;Реестр заявлений</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Summary by district and status</source>
        <translation>С&amp;водка по районам и статусам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Request for documents…</source>
        <translation>&amp;Запрос документов…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register &amp;columns…</source>
        <translation>&amp;Столбцы реестра…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the columns of the register on screen</source>
        <translation>Показать или скрыть столбцы реестра на экране</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Incident Log</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User manual</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to enter an incident, a claim&apos;s path, reports, backups</source>
        <translation>Как внести происшествие, путь заявления, отчёты, резервные копии</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Records</source>
        <translation>&amp;Записи</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;ports</source>
        <translation>&amp;Отчёты</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New incident</source>
        <translation>Новое происшествие</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <location line="+12"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+11"/>
        <location line="+12"/>
        <source>Enter or double-click</source>
        <translation>Enter или двойной щелчок</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>New claim for this incident</source>
        <translation>Заявление по происшествию</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+485"/>
        <source>Incident summary</source>
        <translation>Справка о происшествии</translation>
    </message>
    <message>
        <location line="-484"/>
        <location line="+11"/>
        <location line="+416"/>
        <location line="+7"/>
        <location line="+11"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="-444"/>
        <source>Print summary</source>
        <translation>Печать сводки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary by district and status for the period and district chosen above</source>
        <translation>Сводка по районам и статусам за выбранные выше период и район</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The incidents register of what the filter shows, in its order (Ctrl+P)</source>
        <translation>Реестр происшествий, отобранных фильтром, в том же порядке (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New claim</source>
        <translation>Новое заявление</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+487"/>
        <source>Claim sheet</source>
        <translation>Карточка заявления</translation>
    </message>
    <message>
        <location line="-486"/>
        <source>Request documents</source>
        <translation>Запросить документы</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+8"/>
        <source>Print register</source>
        <translation>Печать реестра</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open incident</source>
        <translation>Открыть происшествие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The incident of this vehicle (Enter or double-click)</source>
        <translation>Происшествие, в котором повреждено это ТС (Enter или двойной щелчок)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims for this vehicle</source>
        <translation>Заявления по этому ТС</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their vehicles</source>
        <translation>ТС этого лица</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their claims</source>
        <translation>Заявления этого лица</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The window closes when the automatic backup has finished…</source>
        <translation>Окно закроется, когда закончится автоматическая резервная копия…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Work is still running in the background. Close the window when it has finished.</source>
        <translation>В фоне ещё идёт работа. Закройте окно, когда она завершится.</translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>%Ln incident(s) match the filter</source>
        <translation>
            <numerusform>Фильтру соответствует %Ln происшествие</numerusform>
            <numerusform>Фильтру соответствуют %Ln происшествия</numerusform>
            <numerusform>Фильтру соответствуют %Ln происшествий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+18"/>
        <source>%Ln incident(s)</source>
        <translation>
            <numerusform>%Ln происшествие</numerusform>
            <numerusform>%Ln происшествия</numerusform>
            <numerusform>%Ln происшествий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-14"/>
        <source>%Ln claim(s) match the filter</source>
        <translation>
            <numerusform>Фильтру соответствует %Ln заявление</numerusform>
            <numerusform>Фильтру соответствуют %Ln заявления</numerusform>
            <numerusform>Фильтру соответствуют %Ln заявлений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+13"/>
        <source>%Ln claim(s)</source>
        <translation>
            <numerusform>%Ln заявление</numerusform>
            <numerusform>%Ln заявления</numerusform>
            <numerusform>%Ln заявлений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-9"/>
        <source>%Ln vehicle(s) match the filter</source>
        <translation>
            <numerusform>Фильтру соответствует %Ln ТС</numerusform>
            <numerusform>Фильтру соответствуют %Ln ТС</numerusform>
            <numerusform>Фильтру соответствуют %Ln ТС</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln vehicle(s)</source>
        <translation>
            <numerusform>%Ln ТС</numerusform>
            <numerusform>%Ln ТС</numerusform>
            <numerusform>%Ln ТС</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln person(s) or organisation(s) match the search</source>
        <translation>
            <numerusform>Поиску соответствует %Ln лицо</numerusform>
            <numerusform>Поиску соответствуют %Ln лица</numerusform>
            <numerusform>Поиску соответствуют %Ln лиц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln person(s) and organisation(s)</source>
        <translation>
            <numerusform>%Ln лицо</numerusform>
            <numerusform>%Ln лица</numerusform>
            <numerusform>%Ln лиц</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source> (only the first {0} characters and {1} words of the search are used)</source>
        <translation> (из поиска используются только первые {0} символов и {1} слов)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (a very common search: the latest {0} matches are shown; add a word or a filter)</source>
        <translation> (слишком частое слово: показаны последние {0} совпадений; добавьте слово или условие отбора)</translation>
    </message>
    <message>
        <location line="+131"/>
        <location line="+58"/>
        <source>This record no longer exists; the register is refreshed.</source>
        <translation>Этой записи больше нет; реестр обновлён.</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>This form is not available in this build.</source>
        <translation>Эта форма недоступна в данной сборке.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Claim {0} is decided or paid and is not deleted. To correct it, open it and use «Reverse the payment» or «Reopen the decision».</source>
        <translation>По заявлению {0} принято решение или произведена выплата, поэтому оно не удаляется. Чтобы исправить его, откройте его и выберите «Отменить выплату» или «Отменить решение».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete incident {0}? Its vehicles and property go with it. The audit trail keeps a copy.</source>
        <translation>Удалить происшествие {0}? Вместе с ним удаляются его ТС и имущество. Копия останется в журнале изменений.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete claim {0}? The audit trail keeps a copy.</source>
        <translation>Удалить заявление {0}? Копия останется в журнале изменений.</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+24"/>
        <source>Incident {0} has claims. Delete or move its claims first.</source>
        <translation>По происшествию {0} есть заявления. Сначала удалите их.</translation>
    </message>
    <message>
        <location line="-503"/>
        <source>The claims the claims register&apos;s filter selects, in its order</source>
        <translation>Заявления, отобранные фильтром реестра заявлений, в том же порядке</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I&amp;ncidents register</source>
        <translation>Реестр &amp;происшествий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The incidents the incidents register&apos;s filter selects, in its order</source>
        <translation>Происшествия, отобранные фильтром реестра происшествий, в том же порядке</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The claims register of what the filter shows, in its order (Ctrl+P)</source>
        <translation>Реестр заявлений, отобранных фильтром, в том же порядке (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+471"/>
        <source>Incident reference (INC-…):</source>
        <translation>Номер происшествия (П-…):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Claim number (CLM-…):</source>
        <translation>Номер заявления (З-…):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Request for documents</source>
        <translation>Запрос документов</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+39"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Interchange files (*.json *.zip);;All files (*)</source>
        <translation>Файлы обмена (*.json *.zip);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading {0}…</source>
        <translation>Чтение {0}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking every record…</source>
        <translation>Проверка каждой записи…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writing…</source>
        <translation>Запись…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import refused</source>
        <translation>Импорт отклонён</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Nothing was imported from {0}: the file has %n problem(s). Correct them and import it again.</source>
        <translation>
            <numerusform>Из файла {0} ничего не импортировано: в нём %n ошибка. Исправьте её и повторите импорт.</numerusform>
            <numerusform>Из файла {0} ничего не импортировано: в нём %n ошибки. Исправьте их и повторите импорт.</numerusform>
            <numerusform>Из файла {0} ничего не импортировано: в нём %n ошибок. Исправьте их и повторите импорт.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported from {0}:</source>
        <translation>Импортировано из {0}:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing {0}…</source>
        <translation>Импорт {0}…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+14"/>
        <location line="+15"/>
        <location line="+25"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Everything</source>
        <translation>Всё</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Interchange file (*.json)</source>
        <translation>Файл обмена (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Package with attachments (*.zip)</source>
        <translation>Пакет с вложениями (*.zip)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n cell(s) changed: characters a spreadsheet cannot hold were replaced or dropped, text over 32,767 characters was cut.</source>
        <translation>
            <numerusform>Изменена %n ячейка: символы, которых не может быть в таблице, заменены или удалены, текст длиннее 32 767 символов обрезан.</numerusform>
            <numerusform>Изменены %n ячейки: символы, которых не может быть в таблице, заменены или удалены, текст длиннее 32 767 символов обрезан.</numerusform>
            <numerusform>Изменено %n ячеек: символы, которых не может быть в таблице, заменены или удалены, текст длиннее 32 767 символов обрезан.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export finished</source>
        <translation>Экспорт завершён</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>{0}

people: {1}, incidents: {2}, claims: {3}</source>
        <translation>{0}

лиц: {1}, происшествий: {2}, заявлений: {3}</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Export everything, or only what the register shows under its filter?</source>
        <translation>Выгрузить всё или только то, что реестр показывает по фильтру?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the register shows</source>
        <translation>Только показанное</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Exporting to {0}…</source>
        <translation>Экспорт в {0}…</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Backing up the database before closing…</source>
        <translation>Резервное копирование базы данных перед закрытием…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic backup written to {0}</source>
        <translation>Автоматическая резервная копия записана: {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The automatic backup was not written: {0}</source>
        <translation>Автоматическая резервная копия не записана: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <location line="+20"/>
        <location line="+3"/>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Databases (*.sqlite3)</source>
        <translation>Базы данных (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+1"/>
        <source>Backup written to {0}</source>
        <translation>Резервная копия записана: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the backup…</source>
        <translation>Запись резервной копии…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incident Log databases (*.sqlite3 *.sqlite *.db)</source>
        <translation>Базы данных журнала (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+9"/>
        <source>Connect to a server</source>
        <translation>Подключение к серверу</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The shared log&apos;s address, as your administrator gave it
(for example postgresql://ivanova@server/incident_log):</source>
        <translation>Адрес общего журнала, который дал администратор
(например, postgresql://ivanova@server/incident_log):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{0}” is not a server address: it begins with postgresql:// and names the database after the server, e.g. postgresql://ivanova@server/incident_log</source>
        <translation>«{0}» — не адрес сервера: он начинается с postgresql:// и после имени сервера называет базу данных, например postgresql://ivanova@server/incident_log</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>About Incident Log</source>
        <translation>О программе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Incident Log {0}&lt;/h3&gt;&lt;p&gt;Incidents, damaged property and owners&apos; assistance claims for municipal administrations.&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;&lt;p&gt;Qt {2}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Журнал происшествий {0}&lt;/h3&gt;&lt;p&gt;Учёт происшествий, повреждённого имущества и заявлений владельцев о помощи для муниципальных администраций.&lt;/p&gt;&lt;p&gt;База данных: {1}&lt;/p&gt;&lt;p&gt;Qt {2}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MarkPaidDialog</name>
    <message>
        <location filename="../../desktop/ui/claim_actions.py" line="+132"/>
        <source>Mark the payment register as paid</source>
        <translation>Отметить реестр как оплаченный</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The payment register holds %n claim(s) for {0} ({1}). Each of them will be recorded as paid by the payment order below, for its approved amount, all at once; if any one cannot be, none is.</source>
        <translation>
            <numerusform>В реестре на выплату %n заявление на сумму {0} ({1}). Оно будет отмечено как выплаченное по указанному ниже платёжному поручению в одобренной сумме.</numerusform>
            <numerusform>В реестре на выплату %n заявления на сумму {0} ({1}). Каждое будет отмечено как выплаченное по указанному ниже платёжному поручению в одобренной сумме — все сразу; если хотя бы одно отметить нельзя, не отмечается ни одно.</numerusform>
            <numerusform>В реестре на выплату %n заявлений на сумму {0} ({1}). Каждое будет отмечено как выплаченное по указанному ниже платёжному поручению в одобренной сумме — все сразу; если хотя бы одно отметить нельзя, не отмечается ни одно.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in words only below a trillion roubles</source>
        <translation>прописью — только до триллиона рублей</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>number, e.g. 4512</source>
        <translation>номер, например 4512</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payment order No.:</source>
        <translation>Платёжное поручение №:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid on:</source>
        <translation>Дата оплаты:</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Mark %n claim(s) paid</source>
        <translation>
            <numerusform>Отметить оплаченным %n заявление</numerusform>
            <numerusform>Отметить оплаченными %n заявления</numerusform>
            <numerusform>Отметить оплаченными %n заявлений</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type the number of the payment order.</source>
        <translation>Введите номер платёжного поручения.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the day of the payment, e.g. 28.09.2026.</source>
        <translation>Введите дату оплаты, например 28.09.2026.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The day of the payment cannot be after tomorrow: mark the register paid once the payment order is carried out.</source>
        <translation>День выплаты не может быть позже завтрашнего: отметьте реестр оплаченным, когда платёжное поручение будет исполнено.</translation>
    </message>
</context>
<context>
    <name>NoticeSentDialog</name>
    <message>
        <location line="-79"/>
        <source>Decision notice sent</source>
        <translation>Отправка уведомления о решении</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Claim:</source>
        <translation>Заявление:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision:</source>
        <translation>Решение:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} of {1}</source>
        <translation>{0} от {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent on:</source>
        <translation>Дата отправки:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Type the day the notice was sent, e.g. 26.09.2026.</source>
        <translation>Введите дату отправки уведомления, например 26.09.2026.</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="-271"/>
        <source>any</source>
        <translation>любая</translation>
    </message>
</context>
<context>
    <name>OverviewChart</name>
    <message>
        <location filename="../../desktop/ui/widgets/overview_chart.py" line="+200"/>
        <source>No claims yet</source>
        <translation>Заявлений пока нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claims by status</source>
        <translation>Заявления по статусам</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <location line="+18"/>
        <source>%1: %n claim(s)</source>
        <translation>
            <numerusform>%1: %n заявление</numerusform>
            <numerusform>%1: %n заявления</numerusform>
            <numerusform>%1: %n заявлений</numerusform>
        </translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Amounts by district</source>
        <translation>Суммы по районам</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Requested: %1</source>
        <translation>Запрошено: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved: %1</source>
        <translation>Одобрено: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid: %1</source>
        <translation>Выплачено: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>requested</source>
        <translation>запрошено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>approved</source>
        <translation>одобрено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>paid</source>
        <translation>выплачено</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Other districts (%n)</source>
        <translation>
            <numerusform>Другие районы (%n)</numerusform>
            <numerusform>Другие районы (%n)</numerusform>
            <numerusform>Другие районы (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District not given</source>
        <translation>Район не указан</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/overview.py" line="+82"/>
        <source>Incidents and damage</source>
        <translation>Происшествия и ущерб</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incidents recorded</source>
        <translation>Зарегистрировано происшествий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged vehicles</source>
        <translation>Повреждено ТС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged property</source>
        <translation>Повреждено объектов имущества</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claims</source>
        <translation>Заявления</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Overdue: no answer after %n day(s)</source>
        <translation>
            <numerusform>Просрочено: нет ответа %n день</numerusform>
            <numerusform>Просрочено: нет ответа %n дня</numerusform>
            <numerusform>Просрочено: нет ответа %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amounts</source>
        <translation>Суммы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested</source>
        <translation>Запрошено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Выплачено</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click a figure to open the register behind it.</source>
        <translation>Нажмите на число, чтобы открыть соответствующий реестр.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Open the matching register</source>
        <translation>Открыть соответствующий реестр</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Incident Log</source>
        <translation>Журнал происшествий</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/decision.py" line="+13"/>
        <source>Record the payment</source>
        <translation>Внесение выплаты</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Claim %1, decision %2: approved %3.</source>
        <translation>Заявление %1, решение %2: одобрено %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>payment order number, e.g. п/п 3391</source>
        <translation>номер платёжного поручения, например п/п 3391</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Payment &amp;date:</source>
        <translation>&amp;Дата выплаты:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amount, ₽:</source>
        <translation>&amp;Сумма, ₽:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Payment order:</source>
        <translation>&amp;Платёжное поручение:</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/person_picker.py" line="+184"/>
        <source>Person</source>
        <translation>Лицо</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Person: %1</source>
        <translation>Лицо: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Surname, name, patronymic; or the organisation&apos;s name</source>
        <translation>Фамилия, имя, отчество или наименование организации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not given: dd.mm.yyyy</source>
        <translation>не указано: дд.мм.гггг</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>passport 2904 518233</source>
        <translation>паспорт 2904 518233</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>10 or 12 digits</source>
        <translation>10 или 12 цифр</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full &amp;name:</source>
        <translation>&amp;ФИО / наименование:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birth date:</source>
        <translation>Дата &amp;рождения:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Identity document:</source>
        <translation>&amp;Документ, удостоверяющий личность:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;NN:</source>
        <translation>&amp;ИНН:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>Прим&amp;ечания:</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location line="-70"/>
        <source>INN %1</source>
        <translation>ИНН %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>same INN</source>
        <translation>тот же ИНН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same identity document</source>
        <translation>тот же документ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same phone</source>
        <translation>тот же телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same birth date, name differs by a letter at most</source>
        <translation>та же дата рождения, ФИО отличается не более чем одной буквой</translation>
    </message>
    <message>
        <location line="+394"/>
        <source>type a surname: the list shows who is in the log</source>
        <translation>начните фамилию — ниже появится список из журнала</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>Type the first letters of a surname, a phone or an INN; Enter or Tab takes the highlighted line. F4: the full search.</source>
        <translation>Наберите начало фамилии, телефон или ИНН; Enter или Tab — взять выделенную строку. F4 — полный поиск.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Already in the log: %1. The same person?</source>
        <translation>Уже есть в журнале: %1. Это то же лицо?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Use %1</source>
        <translation>Взять из &amp;журнала: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New in the log: added when the record is saved.</source>
        <translation>Новое лицо: будет добавлено в журнал при сохранении.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>(new, saved with this record)</source>
        <translation>(новое, сохраняется вместе с записью)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>+ New person: %1</source>
        <translation>+ Новое лицо: %1</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>C&amp;hoose…</source>
        <translation>Выбрат&amp;ь…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>born %1</source>
        <translation>род. %1</translation>
    </message>
</context>
<context>
    <name>PersonPickerDialog</name>
    <message>
        <location line="-239"/>
        <source>Choose a person</source>
        <translation>Выбор лица</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name, phone or INN</source>
        <translation>ФИО, телефон или ИНН</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New person…</source>
        <translation>&amp;Новое лицо…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Correct details…</source>
        <translation>&amp;Исправить данные…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose</source>
        <translation>&amp;Выбрать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Search:</source>
        <translation>&amp;Поиск:</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(new, saved with this record)</source>
        <translation>(новое, сохраняется вместе с записью)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter chooses the highlighted person.</source>
        <translation>Enter выбирает выделенное лицо.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody found. “New person…” adds one.</source>
        <translation>Никого не найдено. «Новое лицо…» добавляет запись.</translation>
    </message>
</context>
<context>
    <name>PersonRegisterModel</name>
    <message>
        <location filename="../../desktop/ui/models/registers.py" line="+211"/>
        <source>Name</source>
        <translation>ФИО или наименование</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vehicles</source>
        <translation>ТС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Property</source>
        <translation>Имущество</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claims</source>
        <translation>Заявления</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>born %1</source>
        <translation>дата рождения: %1</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop/ui/printing.py" line="+65"/>
        <source>Could not write {0}: {1}</source>
        <translation>Не удалось записать {0}: {1}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The printer {0} did not take the job. {1}</source>
        <translation>Принтер {0} не принял задание. {1}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The printer could not be started.</source>
        <translation>Не удалось начать печать.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printing…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Printing page {0} of {1}…</source>
        <translation>Печать страницы {0} из {1}…</translation>
    </message>
</context>
<context>
    <name>ProblemListDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/problem_list.py" line="+32"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
</context>
<context>
    <name>PropertyDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/item_dialogs.py" line="+210"/>
        <source>Damaged property</source>
        <translation>Повреждённое имущество</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dwelling house, garage, pump station…</source>
        <translation>Жилой дом, гараж, насосная станция…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What is damaged</source>
        <translation>Что повреждено</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Владелец:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dam&amp;age:</source>
        <translation>&amp;Повреждения:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Severity:</source>
        <translation>&amp;Степень:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Estimated cost, ₽:</source>
        <translation>&amp;Оценка ущерба, ₽:</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../desktop/ui/widgets/register_page.py" line="+91"/>
        <source>Show all columns</source>
        <translation>Показать все столбцы</translation>
    </message>
</context>
<context>
    <name>RenumberOffer</name>
    <message>
        <location filename="../../desktop/ui/dialogs/renumbering.py" line="+65"/>
        <source>Renumber and import</source>
        <translation>Перенумеровать и импортировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import refused</source>
        <translation>Импорт отклонён</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Nothing was imported from {0}: %n reference(s) or claim number(s) in it are already used by other records of this log. Renumbering gives those records the next free numbers of this log, imports the file and lists each number it replaced.</source>
        <translation>
            <numerusform>Из файла {0} ничего не импортировано: %n номер происшествия или заявления в нём уже занят другой записью журнала. Перенумерация даст таким записям следующие свободные номера журнала, импортирует файл и покажет каждую замену.</numerusform>
            <numerusform>Из файла {0} ничего не импортировано: %n номера происшествий или заявлений в нём уже заняты другими записями журнала. Перенумерация даст таким записям следующие свободные номера журнала, импортирует файл и покажет каждую замену.</numerusform>
            <numerusform>Из файла {0} ничего не импортировано: %n номеров происшествий или заявлений в нём уже заняты другими записями журнала. Перенумерация даст таким записям следующие свободные номера журнала, импортирует файл и покажет каждую замену.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
</context>
<context>
    <name>RenumberResult</name>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Imported from {0}. %n reference(s) or claim number(s) of the file were already used in this log and were replaced by free ones:</source>
        <translation>
            <numerusform>Импортировано из {0}. %n номер из файла уже был занят в журнале и заменён свободным:</numerusform>
            <numerusform>Импортировано из {0}. %n номера из файла уже были заняты в журнале и заменены свободными:</numerusform>
            <numerusform>Импортировано из {0}. %n номеров из файла уже были заняты в журнале и заменены свободными:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/report_preview.py" line="+91"/>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open in PDF viewer</source>
        <translation>Открыть в программе просмотра PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole page</source>
        <translation>Страница целиком</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Save the report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not save {0}: {1}</source>
        <translation>Не удалось сохранить {0}: {1}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No program to open PDF files was found: {0}</source>
        <translation>Не найдена программа для просмотра PDF: {0}</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location line="-144"/>
        <source>Incident summary {0}</source>
        <translation>Справка о происшествии {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim sheet {0}</source>
        <translation>Карточка заявления {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims register</source>
        <translation>Реестр заявлений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents register</source>
        <translation>Реестр происшествий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary by district and status</source>
        <translation>Сводка по районам и статусам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request for documents, claim {0}</source>
        <translation>Запрос документов по заявлению {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspection act, claim {0}</source>
        <translation>Акт обследования, заявление {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision notice, claim {0}</source>
        <translation>Уведомление о решении, заявление {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment register</source>
        <translation>Реестр на выплату</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline control</source>
        <translation>Контроль исполнения</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>Making the report: {0}… page {1}</source>
        <translation>Формирование отчёта: {0}… страница {1}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Making the report: {0}…</source>
        <translation>Формирование отчёта: {0}…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="+74"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. Administration of the city of Kaluga</source>
        <translation>например, Администрация города Калуги</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. I. I. Ivanov</source>
        <translation>например, И. И. Иванов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Head of Administration</source>
        <translation>например, Глава администрации</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The window backs up by itself daily and on closing; older automatic backups are removed, backups you make yourself never are</source>
        <translation>Программа сама делает резервную копию ежедневно и при закрытии; старые автоматические копии удаляются, копии, сделанные вами, — никогда</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Office name:</source>
        <translation>&amp;Наименование органа:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office address:</source>
        <translation>&amp;Адрес органа:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatory&apos;s name:</source>
        <translation>&amp;Подписывающее лицо:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatory&apos;s position:</source>
        <translation>Дол&amp;жность подписывающего:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default region:</source>
        <translation>Ре&amp;гион по умолчанию:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic backups to keep:</source>
        <translation>&amp;Хранить автоматических копий:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name and address head every report; the signatory signs the claim sheet and the letters.</source>
        <translation>Наименование и адрес печатаются в заголовке каждого отчёта; подписывающее лицо подписывает карточки заявлений и письма.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kaluga region&apos;s list</source>
        <translation>Список Калужской области</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the list with the districts of Kaluga region</source>
        <translation>Заменить список районами Калужской области</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Every claim</source>
        <translation>Любое
заявление</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Individual&apos;s claim</source>
        <translation>Физическое
лицо</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vehicle</source>
        <translation>ТС</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Property</source>
        <translation>Имущество</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Which documents a claim needs: those for every claim, plus those for an individual (not an organisation), for a vehicle and for property, as the claim&apos;s items call for.</source>
        <translation>Какие документы нужны по заявлению: для любого заявления, а также для физического лица (не организации), для транспортного средства и для имущества — в зависимости от предметов заявления.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Defaults</source>
        <translation>По &amp;умолчанию</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter asking for missing documents gives this many calendar days from the day it is made</source>
        <translation>Письмо о представлении документов даёт столько календарных дней со дня его составления</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days to bring &amp;missing documents:</source>
        <translation>Срок представления &amp;недостающих документов:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Petrova A. S.
Sidorov V. V.</source>
        <translation>Петрова А. С.
Сидоров В. В.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clerks who answer claims (executors), one per line, as the office names them. Each open claim is given one; the deadline control report lists claims by executor.</source>
        <translation>Сотрудники, готовящие ответы по заявлениям (исполнители), по одному в строке, как их называют в администрации. Каждому открытому заявлению назначается исполнитель; отчёт «Контроль сроков» группирует заявления по исполнителям.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The most the office pays per item, by the municipal act: a vehicle, or property by its kind, by the degree of damage, in roubles. An empty cell has no cap. The decision proposes, per item, the lesser of its assessed cost and its cap, summed, minus what insurance paid.</source>
        <translation>Предельные суммы выплаты на один предмет по муниципальному акту: для транспортного средства и для имущества каждого вида, по степени повреждения, в рублях. Пустая ячейка — без предела. При решении предлагается по каждому предмету меньшая из сумм — оценка ущерба или предел, — в сумме, за вычетом страховой выплаты.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No caps</source>
        <translation>Без пределов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty every cell: the proposal is then the assessed cost minus insurance</source>
        <translation>Очистить все ячейки: тогда предлагается оценка ущерба за вычетом страховой выплаты</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The system&apos;s language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language of the window and reports:</source>
        <translation>Язык окна и о&amp;тчётов:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window switches at once; reports use the language too.</source>
        <translation>Окно переключается сразу; отчёты формируются на этом же языке.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Office</source>
        <translation>&amp;Организация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Districts</source>
        <translation>&amp;Районы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required documents</source>
        <translation>Обязательные &amp;документы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Executors</source>
        <translation>&amp;Исполнители</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment rules</source>
        <translation>Правила в&amp;ыплат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New district</source>
        <translation>Новый район</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>The districts list cannot be empty.</source>
        <translation>Список районов не может быть пустым.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Correct the payment caps:</source>
        <translation>Исправьте предельные суммы выплат:</translation>
    </message>
</context>
<context>
    <name>SimilarPeopleDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/person_picker.py" line="-146"/>
        <source>&amp;Use the selected person</source>
        <translation>Использовать выбранное &amp;лицо</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create a new one anyway</source>
        <translation>Всё равно &amp;создать новое</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 looks like someone already in the log. Use the existing record?</source>
        <comment>a man</comment>
        <translation>%1 похож на лицо, уже внесённое в журнал. Использовать существующую запись?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 looks like someone already in the log. Use the existing record?</source>
        <comment>a woman</comment>
        <translation>%1 похожа на лицо, уже внесённое в журнал. Использовать существующую запись?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 looks like an organisation already in the log. Use the existing record?</source>
        <translation>%1 похоже на организацию, уже внесённую в журнал. Использовать существующую запись?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 may already be in the log. Use the existing record?</source>
        <translation>Возможно, %1 уже есть в журнале. Использовать существующую запись?</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/item_dialogs.py" line="-103"/>
        <source>Damaged vehicle</source>
        <translation>Повреждённое ТС</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>17 characters</source>
        <translation>17 символов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is damaged</source>
        <translation>Что повреждено</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Владелец:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Make:</source>
        <translation>&amp;Марка:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mo&amp;del:</source>
        <translation>Мо&amp;дель:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Year:</source>
        <translation>&amp;Год:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;lour:</source>
        <translation>&amp;Цвет:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plate:</source>
        <translation>Госно&amp;мер:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;VIN:</source>
        <translation>&amp;VIN:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dam&amp;age:</source>
        <translation>&amp;Повреждения:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Severity:</source>
        <translation>&amp;Степень:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Estimated cost, ₽:</source>
        <translation>&amp;Оценка ущерба, ₽:</translation>
    </message>
</context>
<context>
    <name>VehicleRegisterModel</name>
    <message>
        <location filename="../../desktop/ui/models/registers.py" line="-63"/>
        <source>Plate</source>
        <translation>Госномер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vehicle</source>
        <translation>Марка, модель</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Incident</source>
        <translation>Происшествие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Estimate</source>
        <translation>Оценка ущерба</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claims</source>
        <translation>Заявления</translation>
    </message>
</context>
</TS>
