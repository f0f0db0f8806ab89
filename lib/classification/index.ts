/** Public API of the classification engine: pure functions over plain data. */
export { overviewOf, type SchoolOverview } from './overview';
export { classify, classifyLazily, CATEGORY_NAMES, type Category, type ClassificationResult, type ClassifyOptions, type SchoolClassification } from './classify';
export { buildDataset, percentScore, type ClassificationInput, type Dataset } from './dataset';
export { canonicalJson, inputDigest } from './digest';
export type { ExitPlan, ExitStep } from './exit';
export { assessLowResults, assessStability, type LowResultsAssessment, type StabilityAssessment } from './low-results';
export { DEFAULT_METHODOLOGY, methodologySchema, parseMethodology, SOCIAL_VARIABLES, SOCIAL_VARIABLE_NAMES, type Methodology, type SocialVariable } from './methodology';
export type { PartnerSuggestion } from './partners';
export type { PerformanceProfile, SubjectPerformance } from './performance';
export { municipalRatings, ratingFormula, ratingScore, type MunicipalRating, type RatingEntry } from './rating';
export { RISK_FACTORS, type RiskFactor, type RiskFactorName } from './risk';
export { ruleR1, ruleR2, ruleR4, ruleR5 } from './rules';
export { ruleR3 } from './rule-vpr';
export { socialModel, type HardFactor, type SocialAssessment, type SocialSummary } from './social';
export { EXAM_NAMES, SUBJECTS, egeMinimumScore, matchSubject, ogeMaxPrimaryScore, subjectInfo } from './subjects';
export { generateDataset, seededRandom, type SyntheticOptions } from './synthetic';
export type * from './types';
export { compareRuns, type WhatIfChange, type WhatIfDiff } from './whatif';
