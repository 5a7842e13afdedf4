"""What each chapter covers: report sections, the Convention's obligation, themes, charts.

Kept as data in one place so every chapter notebook is built the same way
(`catbook.chapter_notebook` writes them, `catbook.chapter_view` fills them) and
the index of chapters can be generated rather than typed. Charts name figure ids
from data/figures.csv; they never hold a number of their own.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .chapter_readings import READINGS


@dataclass(frozen=True)
class Theme:
    title: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Chart:
    """A bar chart of figures sharing one unit, labelled by their period unless told otherwise."""
    title: str
    figure_ids: tuple[str, ...]
    labels: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str
    obligation_en: str
    sections: tuple[str, ...] = ()
    question_en: str = ""
    themes: tuple[Theme, ...] = field(default_factory=tuple)
    charts: tuple[Chart, ...] = ()
    co2_paragraphs: tuple[int, ...] = ()
    notebook: str = ""
    reading_en: str = ""
    custody_scenario: str = ""  # a worked case of data/custody/scenarios.yaml to show with the calculator

    @property
    def section(self) -> str:
        """The chapter's main section (its first)."""
        return self.sections[0]


def _years(prefix: str, first: int, last: int) -> tuple[str, ...]:
    return tuple(f"{prefix}-{n:03d}" for n in range(first, last + 1))


_ART_2 = Chapter(
    key="art-2",
    sections=("art-2",),
    notebook="art-02-prevention",
    custody_scenario="night-arrest-across-midnight",
    title="Article 2: prevention, custody safeguards and legal guarantees",
    obligation_en=(
        "Article 2 of the Convention requires each State party to take effective "
        "legislative, administrative, judicial or other measures to prevent acts of "
        "torture in any territory under its jurisdiction. No exceptional circumstance "
        "whatsoever (war, threat of war, internal instability, public emergency) may be "
        "invoked to justify torture, and an order from a superior officer or a public "
        "authority is no justification either. The Committee reads the article as "
        "requiring, in practice, the basic safeguards of every person deprived of liberty "
        "from the very outset: a record of the time of arrest, prompt access to a lawyer "
        "and a doctor, notice to the family, and prompt judicial control of the detention."
    ),
    themes=(
        Theme("Custody: when it starts and how long it may last", 58, 64),
        Theme("Places of detention and who is held where", 65, 74),
        Theme("The penitentiary system, its programmes and health care", 75, 102),
        Theme("Prison population, humanisation of criminal law, amnesty", 103, 113),
        Theme("Probation, parole and non-custodial sentences", 114, 124),
    ),
)

_GENERATED = (
    Chapter(
        key="general",
        sections=("intro", "general"),
        notebook="general-legislation",
        title="Introduction and general information: the legislative changes of 2008–2012",
        question_en=(
            "What does the report present as the main legal changes of its period, and how "
            "much of it can a reader check from the report itself?"),
        obligation_en=(
            "Article 19 of the Convention requires each State party to report to the Committee "
            "on the measures it has taken to give effect to its undertakings under the "
            "Convention. The general part of a periodic report sets out the legal framework and "
            "the main changes since the previous report; the Committee's reporting guidelines "
            "ask for information on new laws, their application in practice, and statistics."),
    ),
    Chapter(
        key="art-1-4-5",
        sections=("art-1-4-5", "co2-6"),
        co2_paragraphs=(6,),
        notebook="art-01-04-05-definition",
        title="Articles 1, 4 and 5: the definition of torture, its criminalisation and jurisdiction",
        question_en=(
            "Does Kazakh criminal law, as the report describes it, define and punish torture as "
            "the Convention requires, and what do the report's figures say about prosecutions?"),
        obligation_en=(
            "Article 1 defines torture as any act by which severe pain or suffering, physical or "
            "mental, is intentionally inflicted on a person for such purposes as obtaining "
            "information or a confession, punishment, intimidation or coercion, or for any reason "
            "based on discrimination, when inflicted by or at the instigation of or with the "
            "consent or acquiescence of a public official or other person acting in an official "
            "capacity. Article 4 requires every act of torture, its attempt and complicity or "
            "participation in it to be an offence under criminal law, punishable by penalties "
            "that take into account its grave nature. Article 5 requires the State to establish "
            "jurisdiction over these offences when committed in its territory, by its nationals, "
            "against its nationals where it considers it appropriate, and whenever an alleged "
            "offender is present in its territory and is not extradited."),
        charts=(
            Chart("Criminal cases opened for torture, by year (Articles 1, 4 and 5 section)",
                  _years("art-1-4-5", 6, 9)),
            Chart("Persons convicted of torture, by type of sentence",
                  ("art-1-4-5-011", "art-1-4-5-013"),
                  labels=("actual imprisonment", "non-custodial sentence")),
        ),
    ),
    Chapter(
        key="art-3",
        sections=("co2-unheaded-333", "co2-19"),
        co2_paragraphs=(12, 13, 14, 15, 19),
        notebook="art-03-non-refoulement",
        title="Article 3: non-refoulement, expulsion and extradition",
        question_en=(
            "The report has no Article 3 section: it speaks of expulsion, extradition and "
            "refugees only in its answers to the Committee (part VI). What does it say, and do "
            "its figures show that people at risk of torture are protected from being sent back?"),
        obligation_en=(
            "Article 3 forbids a State party to expel, return (refouler) or extradite a person to "
            "another State where there are substantial grounds for believing that the person "
            "would be in danger of being subjected to torture. To decide, the authorities must "
            "take into account all relevant considerations, including a consistent pattern of "
            "gross, flagrant or mass violations of human rights in the State concerned. The "
            "prohibition is absolute: diplomatic assurances do not release a State from it."),
        charts=(
            Chart("Persons extradited at the request of foreign States, by year",
                  _years("co2-unheaded-333", 2, 6)),
            Chart("Persons whose extradition Kazakhstan refused, by year",
                  _years("co2-unheaded-333", 8, 12)),
            Chart("Extradition instructions executed by the penitentiary system, by year",
                  _years("co2-19", 2, 6)),
        ),
    ),
    Chapter(
        key="art-6",
        sections=("art-6",),
        notebook="art-06-custody-of-foreigners",
        custody_scenario="foreign-national-consulate-late",
        title="Article 6: custody of an alleged offender and consular notice",
        question_en=(
            "How does the report say a foreign suspect is held and his or her State informed?"),
        obligation_en=(
            "Article 6 requires a State party in whose territory a person alleged to have "
            "committed torture is present to take that person into custody or take other legal "
            "measures to ensure his or her presence, to make a preliminary inquiry into the "
            "facts, and to notify the States concerned. A person in custody must be assisted in "
            "communicating immediately with the nearest appropriate representative of the State "
            "of which he or she is a national."),
    ),
    Chapter(
        key="art-7",
        sections=("art-7",),
        notebook="art-07-prosecute-or-extradite",
        title="Article 7: prosecute or extradite",
        question_en="What does the report say about alleged torturers found in Kazakhstan?",
        obligation_en=(
            "Article 7 requires a State party that does not extradite a person alleged to have "
            "committed torture who is found in its territory to submit the case to its competent "
            "authorities for prosecution, under the same rules of evidence as for any ordinary "
            "serious offence, and guarantees fair treatment at every stage of the proceedings."),
    ),
    Chapter(
        key="art-8-9",
        sections=("art-8-9",),
        notebook="art-08-09-extradition-assistance",
        title="Articles 8 and 9: extradition and mutual legal assistance",
        question_en="Which treaties does the report list, and do they concern torture?",
        obligation_en=(
            "Article 8 requires torture offences to be extraditable offences in every extradition "
            "treaty between States parties, and allows the Convention itself to serve as the "
            "legal basis for extradition. Article 9 requires States parties to afford one another "
            "the greatest measure of assistance in criminal proceedings for torture offences, "
            "including the supply of all evidence at their disposal."),
    ),
    Chapter(
        key="art-10",
        sections=("art-10", "co2-20"),
        co2_paragraphs=(20,),
        notebook="art-10-training",
        title="Article 10: training of law-enforcement, medical and other personnel",
        question_en=(
            "What training on the prohibition of torture does the report describe, for whom, "
            "and with what measurable reach?"),
        obligation_en=(
            "Article 10 requires each State party to ensure that education and information on "
            "the prohibition of torture are fully included in the training of law-enforcement "
            "personnel, civil or military, medical personnel, public officials and other persons "
            "who may be involved in the custody, interrogation or treatment of anyone arrested, "
            "detained or imprisoned, and to include the prohibition in the rules or instructions "
            "issued about their duties."),
    ),
    Chapter(
        key="art-11",
        sections=("art-11", "co2-unheaded-287", "co2-unheaded-304", "co2-11", "co2-unheaded-320"),
        co2_paragraphs=(9, 10, 11),
        notebook="art-11-custody-rules",
        custody_scenario="late-protocol-moves-prosecutor-clock",
        title="Article 11: review of custody and interrogation rules",
        question_en=(
            "Which rules on custody and interrogation does the report say were reviewed, and what "
            "do they require in the first hours of custody?"),
        obligation_en=(
            "Article 11 requires each State party to keep under systematic review its "
            "interrogation rules, instructions, methods and practices, and its arrangements for "
            "the custody and treatment of persons subjected to any form of arrest, detention or "
            "imprisonment, with a view to preventing any case of torture."),
    ),
    Chapter(
        key="art-12-13",
        sections=("art-12", "art-13", "co2-7", "co2-17-18", "co2-24"),
        co2_paragraphs=(7, 17, 18, 24),
        notebook="art-12-13-investigations-complaints",
        title="Articles 12 and 13: investigations and complaints",
        question_en=(
            "When torture is alleged, who investigates, how promptly and how independently, and "
            "can a detainee complain safely? What do the report's numbers on complaints, "
            "prosecutions and releases show?"),
        obligation_en=(
            "Article 12 requires the competent authorities to proceed to a prompt and impartial "
            "investigation wherever there is reasonable ground to believe that an act of torture "
            "has been committed, even without a complaint. Article 13 guarantees to anyone who "
            "alleges torture the right to complain to, and to have the case promptly and "
            "impartially examined by, the competent authorities, and requires steps to protect "
            "the complainant and witnesses against ill-treatment or intimidation."),
        charts=(
            Chart("Persons released by prosecutors from temporary detention for lack of grounds",
                  _years("art-12", 4, 8)),
            Chart("Requests received by the penitentiary system committee, by year",
                  ("art-13-001", "art-13-003", "art-13-004", "art-13-005", "art-13-002")),
            Chart("Prison staff concerned by criminal cases and convicted (part VI)",
                  ("co2-7-002", "co2-7-003", "co2-7-004"),
                  labels=("officers concerned by cases opened, 2010", "persons convicted, 2011",
                          "officers convicted of violence, 2012"),
                  note="The three numbers count different things in different years; the report "
                       "gives no series that would follow the same cases from opening to judgment."),
        ),
    ),
    Chapter(
        key="art-14",
        sections=("art-14", "co2-28"),
        co2_paragraphs=(28,),
        notebook="art-14-redress",
        title="Article 14: redress and compensation",
        question_en=(
            "Can a victim of torture obtain compensation and rehabilitation, and does the report "
            "show that any did?"),
        obligation_en=(
            "Article 14 requires each State party to ensure in its legal system that the victim "
            "of an act of torture obtains redress and has an enforceable right to fair and "
            "adequate compensation, including the means for as full rehabilitation as possible; "
            "if the victim dies as a result of torture, his or her dependants are entitled to "
            "compensation."),
    ),
    Chapter(
        key="art-15",
        sections=("art-15", "co2-29"),
        co2_paragraphs=(29,),
        notebook="art-15-evidence",
        title="Article 15: statements obtained by torture",
        question_en=(
            "Does the law the report describes keep statements made under torture out of "
            "evidence, and who must prove what?"),
        obligation_en=(
            "Article 15 requires each State party to ensure that any statement established to "
            "have been made as a result of torture is not invoked as evidence in any proceedings, "
            "except against a person accused of torture as evidence that the statement was made."),
    ),
    Chapter(
        key="art-16",
        sections=("co2-21", "co2-21-a-b", "co2-21-c", "co2-21-d", "co2-21-e-g", "co2-21-f",
                  "co2-unheaded-328", "co2-30-31", "co2-32"),
        co2_paragraphs=(21, 30, 31, 32),
        notebook="art-16-ill-treatment",
        title="Article 16: other ill-treatment, conditions of detention and violence against women",
        question_en=(
            "The report has no Article 16 section. Where does it speak of cruel, inhuman or "
            "degrading treatment that falls short of torture (conditions of detention, health "
            "care in prisons, violence in the family, trafficking), and what do its figures show?"),
        obligation_en=(
            "Article 16 requires each State party to prevent other acts of cruel, inhuman or "
            "degrading treatment or punishment which do not amount to torture, when committed by "
            "or at the instigation of or with the consent or acquiescence of a public official or "
            "other person acting in an official capacity. The obligations of articles 10 to 13 "
            "(training, review of custody rules, investigation, complaints) apply to such acts "
            "too. The Committee reads the article as covering conditions of detention and the "
            "State's failure to act with due diligence against violence by private persons, such "
            "as violence against women and trafficking."),
        charts=(
            Chart("Protection orders issued (family violence)",
                  ("co2-30-31-006", "co2-30-31-005")),
            Chart("Criminal cases related to trafficking in human beings",
                  ("co2-32-016", "co2-32-017")),
            Chart("Institutions of the penitentiary system by type (line 463)",
                  _years("co2-32", 4, 10),
                  labels=("ordinary regime", "strict regime", "special regime", "hospitals",
                          "semi-open", "educational centre", "prison")),
        ),
    ),
    Chapter(
        key="op",
        sections=("op", "co2-22", "co2-23"),
        co2_paragraphs=(22, 23),
        notebook="op-national-preventive-mechanism",
        title="The Optional Protocol and the national preventive mechanism",
        question_en=(
            "Kazakhstan ratified the Optional Protocol during the period. Did it set up the "
            "national preventive mechanism the Protocol requires, and how independent would it be?"),
        obligation_en=(
            "The Optional Protocol to the Convention establishes a system of regular visits to "
            "places of deprivation of liberty by an international body (the Subcommittee on "
            "Prevention of Torture) and by national preventive mechanisms. Each State party must "
            "maintain, designate or establish a national preventive mechanism within one year of "
            "ratification (article 17), may postpone that obligation by a declaration (article "
            "24), and must guarantee the mechanism's functional independence, the necessary "
            "resources, access to all places of detention and to all information, and private "
            "interviews with detainees (articles 18 to 20)."),
    ),
    Chapter(
        key="cases-ngo",
        sections=("cases-ngo", "co2-unheaded-275"),
        co2_paragraphs=(8,),
        notebook="part-v-cases-ngos",
        title="Specific cases and cooperation with non-governmental organisations",
        question_en=(
            "Which cases of torture does the report describe, how were they punished, and how "
            "open are places of detention to civil society monitors?"),
        obligation_en=(
            "The Committee asks each State party to report on specific cases of torture and their "
            "outcome and on its cooperation with civil society. Independent monitoring of places "
            "of detention by non-governmental organisations and public commissions is one of the "
            "safeguards the Committee expects under articles 2, 11 and 16, and prosecutions with "
            "penalties proportionate to the gravity of torture are required by article 4."),
        charts=(
            Chart("Criminal cases opened for torture, by year (part V)", _years("cases-ngo", 1, 4)),
            Chart("Visits by NGOs to remand centres and prisons", ("cases-ngo-016", "cases-ngo-017")),
            Chart("Interventions and visits with public monitoring commissions (part VI)",
                  ("co2-unheaded-275-004", "co2-unheaded-275-003")),
        ),
    ),
)

_GENERATED = tuple(replace(c, reading_en=READINGS.get(c.key, "").strip()) for c in _GENERATED)
CHAPTERS: dict[str, Chapter] = {c.key: c for c in (_ART_2, *_GENERATED)}
GENERATED_CHAPTERS = tuple(c.key for c in _GENERATED)


def claims_by_theme(claims, section: str) -> dict[str, object]:
    """The chapter's claims split by theme, in the chapter's order (theme title → rows)."""
    return {t.title: claims[claims.source_line.between(t.first_line, t.last_line)]
            for t in CHAPTERS[section].themes}


def chapter_of_section(section: str) -> str | None:
    """The key of the chapter that presents a report section (None if no chapter does)."""
    for chapter in CHAPTERS.values():
        if section in chapter.sections:
            return chapter.key
    return None
