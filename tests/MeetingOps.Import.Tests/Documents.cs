namespace MeetingOps.Import.Tests;

/// <summary>Agenda documents in the styles of other bodies, written for the tests.</summary>
public static class Documents
{
    /// <summary>ECE style: "Item 1." numbering, symbol-first documentation, a space-aligned table, "10.00 - 13.00", "10.00 hrs", "cont'd", a job number and barcode.</summary>
    public const string Geneva = """
        United Nations    ECE/TRANS/WP.1/185
        Economic and Social Council
        Distr.: General
        3 March 2023
        Original: English

        Economic Commission for Europe
        Inland Transport Committee
        Global Forum for Road Traffic Safety
        Eighty-sixth session
        Geneva, 18–20 April 2023

        Provisional agenda for the eighty-sixth session

        Item 1. Adoption of the agenda.
        Item 2. Election of officers.
        Item 3. Activities of interest to the Global Forum:
            (a) Road safety in the region;
            (b) Automated driving.
        Item 4. Other business.
        Item 5. Adoption of the report.

        GE.23-04512 (E)    150323    160323
        *2304512*

        Annotations

        Item 1. Adoption of the agenda
        The Global Forum is expected to adopt its agenda.
        Documentation
        ECE/TRANS/WP.1/185 Provisional agenda for the eighty-sixth session

        Item 2. Election of officers
        The Global Forum will elect a Chair and a Vice-Chair for 2023–2024.

        Item 3. Activities of interest to the Global Forum
        (a) Road safety in the region
        The secretariat will report on road safety activities in the region since the
        eighty-fifth session.
        (b) Automated driving
        The Global Forum may wish to consider a draft resolution on automated driving.
        Documentation
        ECE/TRANS/WP.1/2023/1 Draft resolution on the deployment of automated vehicles

        Item 4. Other business
        The secretariat is not aware of any other business.

        Item 5. Adoption of the report
        The Global Forum will adopt the report of its eighty-sixth session.

        Annex
        Proposed organization of work
        Date                  Time              Item
        Tuesday, 18 April     10.00 - 13.00     1, 2, 3 (a)
                              15.00 - 18.00     3 (a) (cont'd), 3 (b)
        Wednesday, 19 April   10.00 hrs         3 (b) (cont'd)
        Thursday, 20 April    9.30 a.m.–12.30 p.m.   4, 5
        """;

    /// <summary>
    /// New York style, two committees: "a)" and "(a)(i)" and "2.1" numbering, a tab table without a header row,
    /// "10 a.m. - 1 p.m." and "3–6 p.m.", "&lt;i&gt;continued&lt;/i&gt;", a joint item found by its mark and title only.
    /// </summary>
    public const string NewYork = """
        United Nations
        A/AC.999/2024/1
        General Assembly
        Distr.: General
        2 January 2024
        Original: English

        Preparatory Committee for the Review Conference
        Second session
        New York, 4–5 March 2024

        Special Committee on Outreach
        Second session
        New York, 4–5 March 2024

        Provisional agendas

        Preparatory Committee for the Review Conference

        1. Opening of the session.
        2. Organization of work:
        a) Election of officers;
        b) Adoption of the agenda.
        3. Substantive preparations for the Review Conference:
        (a) Draft rules of procedure;
        (a)(i) Rules on participation;
        (b) Background documentation.
        4. Joint briefing on outreach (joint item).
        5. Adoption of the report.

        Special Committee on Outreach

        1. Opening of the session.
        2. Joint briefing on outreach (joint item).
        3. Programme of work:
        3.1 Outreach to civil society;
        3.2 Outreach to academia.
        4. Adoption of the report.

        Annotations

        Preparatory Committee for the Review Conference

        1. Opening of the session
        The second session will be opened on Monday, 4 March 2024, at 10 a.m.

        3. Substantive preparations for the Review Conference
        Documentation
        Note by the Secretariat on draft rules of procedure (A/AC.999/2024/2)

        4. Joint briefing on outreach
        The Committees will hear a joint briefing.

        Special Committee on Outreach

        3. Programme of work
        3.1 Outreach to civil society
        The Committee will discuss outreach to civil society organizations.

        Annex
        Organization of work
        Monday, 4 March
        10 a.m. - 1 p.m.	1	Opening of the session	1	Opening of the session
        	2 a)	Election of officers		
        	2 b)	Adoption of the agenda		
        3–6 p.m.	4	Joint briefing on outreach	2	Joint briefing on outreach
        Tuesday, 5 March
        10 a.m.–1 p.m.	3 (a)	Draft rules of procedure	3.1	Outreach to civil society
        	3 (b)	Background documentation	3.2	Outreach to academia
        3–6 p.m.	3 (a)	Draft rules of procedure <i>continued</i>		
        	5	Adoption of the report	4	Adoption of the report
        """;
}
