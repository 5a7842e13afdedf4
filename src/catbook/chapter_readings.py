"""The "Reading the findings" passage of each generated chapter: prose that says what a
reader can act on. It cites lines, not numbers: the numbers are computed in the chapter.
Written from the claims register and the audit; update it when their verdicts change.
"""

READINGS = {
"general": """
**Reading the findings.**

- The general part is a list of laws, decrees and orders: almost all of it is legal
  description that the report's own data cannot settle either way. It tells a reader *what
  to look up*, not what happened in practice.
- Some of the legal texts are cited inconsistently: a joint order of February 2010 lists one
  co-signatory's order with a 2012 date ({ref}`line 29 <p29>` · {ref}`para. 27 <para-27>`, repeated at
  {ref}`line 414 <p414>` · {ref}`para. 329 <para-329>`); the report says the Convention was "ratified" ({ref}`line 2 <p2>` · {ref}`para. 1 <para-1>`)
  and elsewhere that Kazakhstan "acceded" to it ({ref}`line 393 <p393>` · {ref}`para. 314 <para-314>`).
- The claim that prisons became more open to civil society is borne out by the NGO visit
  figures of part V; the claim that they became more open *to the media* has no data behind
  it ({ref}`line 12 <p12>` · {ref}`para. 10 <para-10>`).
""",
"art-1-4-5": """
**Reading the findings.**

- The report states that torture has been a crime "as defined in the Convention" since 2002
  ({ref}`line 40 <p40>` · {ref}`para. 31 <para-31>`), but it also says that the element of an official's "express or
  tacit consent" was only added in 2011 ({ref}`line 46 <p46>` · {ref}`para. 37 <para-37>`, {ref}`line 254 <p254>` · {ref}`para. 192 <para-192>`), and
  describes that amendment in two different ways ({ref}`line 220 <p220>` · {ref}`para. 164 <para-164>`). A reader cannot
  tell from the report which wording is in force; the Criminal Code itself is needed.
- The yearly series of criminal cases for torture is stated twice and agrees with itself
  ({ref}`line 52 <p52>` · {ref}`para. 43 <para-43>`, {ref}`line 223 <p223>` · {ref}`para. 165 <para-165>`); the split between Interior Ministry and
  prison staff is given only as a total ({ref}`line 53 <p53>` · {ref}`para. 44 <para-44>`).
- The penalty range the report gives for torture ({ref}`line 48 <p48>` · {ref}`para. 39 <para-39>`) does not match the
  sentences it reports in part V (see the consistency checks): either the range is that of
  the aggravated offence or courts went below it, and the report does not say which.
""",
"art-3": """
**Reading the findings.**

- The report gives yearly extradition and refusal figures that add up to its own totals
  (see the consistency checks), but none of its grounds for refusal is a risk of torture,
  and it does not say in how many cases such a risk was examined.
- The report states that 29 Uzbek nationals were extradited "En 2010"
  ({ref}`line 341 <p341>` · {ref}`para. 275 <para-275>`) on the strength of diplomatic assurances
  ({ref}`line 342 <p342>` · {ref}`para. 276 <para-276>`), and the follow-up visits it describes met only some of
  them and report no findings ({ref}`line 344 <p344>` · {ref}`para. 278 <para-278>`). Article 3 is absolute: assurances
  do not release a State from it. The report dates the express bar on extradition where there
  is a risk of torture to the law of 18 January 2011 ({ref}`line 337 <p337>` · {ref}`para. 271 <para-271>`); on the report's
  own date alone the handover would precede that bar, but the book draws no such inference:
  the external layer (shown beside, under "Outside the report") contradicts the date. The
  Committee's decision in Abdussamatov et al. v. Kazakhstan (CAT/C/48/D/444/2010) and NGO
  sources place the handover in June 2011, after the law of 18 January 2011 and despite the
  Committee's request for interim measures; the report mentions neither the complaint nor
  the request.
- The refugee figures are hard to reconcile: the number of Afghan applicants said to be "the
  majority" ({ref}`line 351 <p351>` · {ref}`para. 285 <para-285>`) is far larger than the applications the report counts
  ({ref}`line 350 <p350>` · {ref}`para. 284 <para-284>`).
- Which paragraphs of CAT/C/KAZ/CO/2 these blocks answer is itself uncertain: their headings
  are missing from the text (see the {doc}`tracker <recommendations>`).
""",
"art-6": """
**Reading the findings.**

- The section restates the law on notifying a foreign detainee's consulate and on consular
  visits; it gives no figure on how many foreign nationals were held or how often the notice
  was given in time, so none of it can be checked from the report.
- The {doc}`custody clock <custody-clock>` computes the consular deadline the report
  describes ({ref}`line 126 <p126>` · {ref}`para. 97 <para-97>`); the report names no article for it, and does not say
  whether the twelve hours run from the arrest or from the protocol. The engine uses the
  arrest, the stricter reading, and says so.
""",
"art-7": """
**Reading the findings.**

- The whole section is a statement that nothing happened: no one accused of torture was
  detained pending extradition, and no request was sent or received
  ({ref}`line 130 <p130>` · {ref}`para. 100 <para-100>`). The report gives no breakdown of its extradition figures by
  offence, so a reader cannot check it.
""",
"art-8-9": """
**Reading the findings.**

- The report lists treaties on extradition and legal assistance signed in the period
  ({ref}`lines 133 <p133>` · {ref}`para. 101 <para-101>`–{ref}`139 <p139>`). It does not say whether any of them names
  torture as an extraditable offence, nor whether the Convention was ever used as the legal
  basis for extradition, which is what articles 8 and 9 ask about.
""",
"art-10": """
**Reading the findings.**

- Training is described by its existence (a training centre, special courses, legal
  education in prisons) rather than by its reach: the report gives no number of officers,
  investigators, doctors or prison staff trained on the prohibition of torture, and no
  evaluation of the courses.
- The answer to the Committee's recommendation on training (paragraph 20) lists events,
  again without numbers trained.
""",
"art-11": """
**Reading the findings.**

- The report's rules for the first hours of custody are consistent with each other in most
  places (custody counted from the actual restriction of liberty, to the minute; seventy-two
  hours at most without a judge), and the custody clock above computes them.
- One passage calls three hours "the maximum period of custody" ({ref}`line 23 <p23>` · {ref}`para. 21 <para-21>`),
  which contradicts the seventy-two hours stated five times elsewhere; read with
  {ref}`line 297 <p297>` · {ref}`para. 234 <para-234>`, the three hours are the first stage, before the person is brought
  before the investigator. Instructors should teach the seventy-two-hour limit, with the
  three-hour protocol deadline inside it.
- The repealed exception that let officers delay telling the family for up to seventy-two
  hours is placed in article 138 of the Code of Criminal Procedure at
  {ref}`line 304 <p304>` · {ref}`para. 241 <para-241>` and in article 38 at {ref}`line 199 <p199>` · {ref}`para. 146 <para-146>`. The engine models the
  change by the date of the law the report gives (18 January 2011), which may differ from its
  entry into force.
- A registration date in the list of detention regulations is very likely a misprint
  ({ref}`line 313 <p313>` · {ref}`para. 249 <para-249>`): the report's other registration numbers rise with the date.
""",
"art-12-13": """
**Reading the findings.**

- The report gives the number of people prosecutors released from temporary detention for
  lack of grounds each year from 2008 to 2012 ({ref}`line 163 <p163>` · {ref}`para. 115 <para-115>`); the line states no
  trend, and its figures do not rise every year: the 2010 figure is below the 2009 one (see
  the figures above). The report reads the falling number of placements as
  more caution by investigators ({ref}`line 162 <p162>` · {ref}`para. 114 <para-114>`). Its own figures allow another
  reading: the share of placements found groundless rose over the period (see the figures
  above), which a monitor would want explained.
- Three statements that no torture was recorded ({ref}`line 245 <p245>` · {ref}`para. 185 <para-185>`,
  {ref}`line 272 <p272>` · {ref}`para. 209 <para-209>`, {ref}`line 286 <p286>` · {ref}`para. 223 <para-223>`) stand against the criminal cases for torture
  that the report counts against Interior Ministry and prison officers
  ({ref}`line 53 <p53>` · {ref}`para. 44 <para-44>`); the report never says where or by whom those acts were committed
  (the torture cases reconciled above mark them *in tension*).
- The rule that torture by Interior Ministry officers is investigated by another agency
  ({ref}`line 166 <p166>` · {ref}`para. 118 <para-118>`) did not apply in the Rojnov case, which was charged as abuse of
  power and investigated by the Ministry's own internal security ({ref}`line 232 <p232>` · {ref}`para. 172 <para-172>`).
- Complaints to the penitentiary committee fell over the period; the report attributes this
  to information work ({ref}`line 184 <p184>` · {ref}`para. 135 <para-135>`), but the prison population fell at a similar
  rate, and the share of complaints about staff is given for only two years.
""",
"art-14": """
**Reading the findings.**

- The section describes the law on compensation and rehabilitation; it gives no figure on
  how many victims of torture applied for or obtained compensation. The report's only example
  of an award is a single case decided in 2008 ({ref}`line 429 <p429>` · {ref}`para. 340 <para-340>`).
- The provisions cited cover material damage and the rehabilitation of acquitted persons;
  the report says nothing about medical, psychological or social rehabilitation, which
  article 14 also requires.
""",
"art-15": """
**Reading the findings.**

- The law the report describes excludes statements obtained by torture (code of criminal
  procedure, art. 116, {ref}`line 201 <p201>` · {ref}`para. 148 <para-148>`) and obliges the authorities to check
  allegations of unlawful methods ({ref}`line 195 <p195>` · {ref}`para. 142 <para-142>`). The report gives no figure on how
  often such allegations were raised in court or evidence excluded, so practice cannot be
  assessed.
- The article number of the repealed family-notice exception differs from the one given in
  part VI (see Article 11).
""",
"art-16": """
**Reading the findings.**

- The report has no Article 16 section; its material on conditions of detention, prison
  health care, suicides, violence in the family and trafficking sits in its answers to the
  Committee.
- Several of its figures do not add up: the institution types it lists come to one fewer
  than the total it states, the shares of protection orders by respondent do not reach one
  hundred per cent, and the prison population of 1 January 2013 is printed with a digit too
  many (see the consistency checks).
- The report states that an anti-trafficking operation is held every quarter but names only
  two runs a year ({ref}`line 473 <p473>` · {ref}`para. 379 <para-379>`).
- On suicides in custody the answer offers an opinion and an order, but no figure on deaths
  or suicides anywhere in the report.
""",
"op": """
**Reading the findings.**

- The report states that Kazakhstan could not set up the national preventive mechanism in
  time, citing the cost ({ref}`line 204 <p204>` · {ref}`para. 150 <para-150>`), and deferred its obligations for three
  years "au titre du paragraphe 2 de l’article 24" of the Optional Protocol
  ({ref}`line 205 <p205>` · {ref}`para. 151 <para-151>`). The postponement is declared under paragraph 1 of article
  24, and only upon ratification; paragraph 2 sets the three-year limit and the Committee's
  power to extend it. The report dates the decision to a decree of 30 November 2009, a year
  after the Protocol entered into force for Kazakhstan (see "Outside the report"). By the end of the period it reports a
  bill before Parliament ({ref}`line 206 <p206>` · {ref}`para. 152 <para-152>`), not a mechanism at work.
- The places the draft mechanism would visit ({ref}`line 208 <p208>` · {ref}`para. 154 <para-154>`) do not expressly include
  the premises of the criminal prosecution bodies where suspects are questioned, where the
  report itself says torture can occur ({ref}`line 156 <p156>` · {ref}`para. 108 <para-108>`).
- The report's answer to the Special Rapporteur on the definition of torture
  ({ref}`line 220 <p220>` · {ref}`para. 164 <para-164>`) describes the 2011 amendment differently from
  {ref}`line 254 <p254>` · {ref}`para. 192 <para-192>`.
""",
"cases-ngo": """
**Reading the findings.**

- The cases the report describes were punished with prison terms; in the Saran case the
  sentences are below the range the report gives for torture (see the consistency checks),
  and the Rojnov case, which the report calls inhuman treatment, was charged as abuse of
  power ({ref}`line 232 <p232>` · {ref}`para. 172 <para-172>`).
- No compensation is mentioned for either victim, although the Rojnov victim was gravely
  injured ({ref}`line 231 <p231>` · {ref}`para. 171 <para-171>`).
- NGO visits to places of detention rose between the two years the report compares
  ({ref}`line 241 <p241>` · {ref}`para. 181 <para-181>`); the visits of public monitoring commissions are given for 2011
  and for 2012 and 2006 in different places ({ref}`line 241 <p241>` · {ref}`para. 181 <para-181>`,
  {ref}`line 283 <p283>` · {ref}`para. 220 <para-220>`), and if they count the same thing they fell, although the report
  says they rise every year.
""",
}
