/**
 * Plain input and output data of the classification engine. No database types: the data layer maps its rows to
 * these shapes. All shares are percentages 0–100 (not fractions), distances are kilometres.
 */
export type ExamCode = 'EGE' | 'OGE' | 'VPR';

export type SubjectCode =
  | 'russian'
  | 'mathematics'
  | 'mathematics_profile'
  | 'mathematics_base'
  | 'physics'
  | 'chemistry'
  | 'biology'
  | 'geography'
  | 'history'
  | 'social_studies'
  | 'informatics'
  | 'literature'
  | 'foreign_language'
  | 'surrounding_world';

export interface MarksDistribution {
  m2: number;
  m3: number;
  m4: number;
  m5: number;
}

/** One row of assessment data: school + year + exam + subject [+ grade for ВПР] is the natural key. */
export interface AssessmentResult {
  schoolId: string;
  year: number;
  exam: ExamCode;
  subject: SubjectCode;
  /** Grade of a ВПР procedure (4–8); absent for ЕГЭ and ОГЭ. */
  grade?: number | null;
  participants: number;
  /** ЕГЭ: test score 0–100; ОГЭ: primary score (see `maxScore`); ВПР: primary score, not used by the rules. */
  meanScore: number | null;
  /** ЕГЭ: below the minimum score; ОГЭ and ВПР: with mark «2». Falls back to `marks.m2` when null. */
  belowMinimum: number | null;
  marks?: MarksDistribution | null;
  highScorers?: number | null;
  /** ОГЭ primary-score maximum when it differs from the subject reference for that year. */
  maxScore?: number | null;
}

/** Context data of a school in one year. Any field may be missing (null or absent). */
export interface SchoolContext {
  schoolId: string;
  year: number;
  pupils?: number | null;
  /** Share of 9th-grade graduates who went on to grade 10, %. */
  continuationShare9to10?: number | null;
  /** Pupils who took part in regional and national olympiads this year. */
  olympiadParticipants?: number | null;
  shareOvz?: number | null;
  shareLowIncome?: number | null;
  shareParentsHigherEd?: number | null;
  shareNonNativeRussian?: number | null;
  /** Distance to the municipal centre, km. */
  distanceKm?: number | null;
  rural?: boolean | null;
  /** Vacant teaching positions as a share of all positions, %. */
  teacherVacancyShare?: number | null;
  shareTeachersUnder35?: number | null;
  shareTeachers60plus?: number | null;
  internetMbps?: number | null;
  hasPsychologist?: boolean | null;
  hasSpeechTherapist?: boolean | null;
  hasSocialPedagogue?: boolean | null;
  /** Condition of buildings and equipment: 1 (poor) … 5 (excellent). */
  facilitiesCondition?: number | null;
}

export interface School {
  id: string;
  name: string;
  municipalityId: string;
  municipalityName?: string;
}

export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5';
export type RuleStatus = 'fired' | 'not_fired' | 'insufficient_data';
/** A yes/no decision that refuses to guess when the data cannot settle it. */
export type Decision = 'yes' | 'no' | 'insufficient_data';

/** One judged item of a rule: an exam subject, a ВПР procedure, a year of context data. */
export interface RuleDetail {
  status: RuleStatus;
  exam?: ExamCode;
  subject?: SubjectCode;
  grade?: number | null;
  year: number;
  participants?: number;
  value: number | null;
  reference: number | null;
  /** Per-item explanation where it adds to the rule's sentence (R1, R2, items without data). */
  sentence?: string;
}

export interface RuleOutcome {
  rule: RuleId;
  status: RuleStatus;
  year: number;
  /** The school's value that decided the outcome (the worst judged item). */
  value: number | null;
  /** What the value was compared with (municipal mean, 100% …), when the rule has one. */
  reference: number | null;
  threshold: number;
  /** Data source in words, e.g. «РИС ГИА: результаты ЕГЭ и ОГЭ». */
  source: string;
  sentence: string;
  details: RuleDetail[];
}
