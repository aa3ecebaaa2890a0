<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ClaimActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/claim_actions.py" line="+257"/>
        <source>%n claim(s) marked paid: {0}, {1} of {2}.</source>
        <translation>
            <numerusform>%n claim marked paid: {0}, {1} of {2}.</numerusform>
            <numerusform>%n claims marked paid: {0}, {1} of {2}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimPathPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/claim_path.py" line="+147"/>
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+78"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimRegisterModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/models/registers.py" line="+415"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>An answer is due within %n day(s) of registration (59-FZ), or on the date it was extended to.</source>
        <translation>
            <numerusform>An answer is due within %n day of registration (59-FZ), or on the date it was extended to.</numerusform>
            <numerusform>An answer is due within %n days of registration (59-FZ), or on the date it was extended to.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DistrictChecklist</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/district_list.py" line="+141"/>
        <source>%n district(s)</source>
        <translation>
            <numerusform>%n district</numerusform>
            <numerusform>%n districts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="+195"/>
        <source>Claims with no decision %n day(s) after they were registered (or on the date the answer was extended to)</source>
        <translation>
            <numerusform>Claims with no decision %n day after they were registered (or on the date the answer was extended to)</numerusform>
            <numerusform>Claims with no decision %n days after they were registered (or on the date the answer was extended to)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="+399"/>
        <source>%Ln incident(s) match the filter</source>
        <translation>
            <numerusform>%Ln incident matches the filter</numerusform>
            <numerusform>%Ln incidents match the filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+18"/>
        <source>%Ln incident(s)</source>
        <translation>
            <numerusform>%Ln incident</numerusform>
            <numerusform>%Ln incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-14"/>
        <source>%Ln claim(s) match the filter</source>
        <translation>
            <numerusform>%Ln claim matches the filter</numerusform>
            <numerusform>%Ln claims match the filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+13"/>
        <source>%Ln claim(s)</source>
        <translation>
            <numerusform>%Ln claim</numerusform>
            <numerusform>%Ln claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-9"/>
        <source>%Ln vehicle(s) match the filter</source>
        <translation>
            <numerusform>%Ln vehicle matches the filter</numerusform>
            <numerusform>%Ln vehicles match the filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln vehicle(s)</source>
        <translation>
            <numerusform>%Ln vehicle</numerusform>
            <numerusform>%Ln vehicles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln person(s) or organisation(s) match the search</source>
        <translation>
            <numerusform>%Ln person or organisation matches the search</numerusform>
            <numerusform>%Ln people or organisations match the search</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln person(s) and organisation(s)</source>
        <translation>
            <numerusform>%Ln person or organisation</numerusform>
            <numerusform>%Ln people and organisations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+439"/>
        <source>Nothing was imported from {0}: the file has %n problem(s). Correct them and import it again.</source>
        <translation>
            <numerusform>Nothing was imported from {0}: the file has %n problem. Correct it and import the file again.</numerusform>
            <numerusform>Nothing was imported from {0}: the file has %n problems. Correct them and import the file again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>%n cell(s) changed: characters a spreadsheet cannot hold were replaced or dropped, text over 32,767 characters was cut.</source>
        <translation>
            <numerusform>%n cell changed: characters a spreadsheet cannot hold were replaced or dropped, text over 32,767 characters was cut.</numerusform>
            <numerusform>%n cells changed: characters a spreadsheet cannot hold were replaced or dropped, text over 32,767 characters was cut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkPaidDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/claim_actions.py" line="+60"/>
        <source>The payment register holds %n claim(s) for {0} ({1}). Each of them will be recorded as paid by the payment order below, for its approved amount, all at once; if any one cannot be, none is.</source>
        <translation>
            <numerusform>The payment register holds %n claim for {0} ({1}). It will be recorded as paid by the payment order below, for its approved amount.</numerusform>
            <numerusform>The payment register holds %n claims for {0} ({1}). Each of them will be recorded as paid by the payment order below, for its approved amount, all at once; if any one cannot be, none is.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Mark %n claim(s) paid</source>
        <translation>
            <numerusform>Mark %n claim paid</numerusform>
            <numerusform>Mark %n claims paid</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewChart</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/overview_chart.py" line="+213"/>
        <location line="+18"/>
        <source>%1: %n claim(s)</source>
        <translation>
            <numerusform>%1: %n claim</numerusform>
            <numerusform>%1: %n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Other districts (%n)</source>
        <translation>
            <numerusform>Other districts (%n)</numerusform>
            <numerusform>Other districts (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/overview.py" line="+93"/>
        <source>Overdue: no answer after %n day(s)</source>
        <translation>
            <numerusform>Overdue: no answer after %n day</numerusform>
            <numerusform>Overdue: no answer after %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenumberOffer</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/renumbering.py" line="+69"/>
        <source>Nothing was imported from {0}: %n reference(s) or claim number(s) in it are already used by other records of this log. Renumbering gives those records the next free numbers of this log, imports the file and lists each number it replaced.</source>
        <translation>
            <numerusform>Nothing was imported from {0}: %n reference or claim number in it is already used by another record of this log. Renumbering gives that record the next free number of this log, imports the file and shows the number it replaced.</numerusform>
            <numerusform>Nothing was imported from {0}: %n references or claim numbers in it are already used by other records of this log. Renumbering gives those records the next free numbers of this log, imports the file and lists each number it replaced.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenumberResult</name>
    <message numerus="yes">
        <location line="+16"/>
        <source>Imported from {0}. %n reference(s) or claim number(s) of the file were already used in this log and were replaced by free ones:</source>
        <translation>
            <numerusform>Imported from {0}. %n reference or claim number of the file was already used in this log and was replaced by a free one:</numerusform>
            <numerusform>Imported from {0}. %n references or claim numbers of the file were already used in this log and were replaced by free ones:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/report_preview.py" line="+105"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
</TS>
