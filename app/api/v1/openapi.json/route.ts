import { NextResponse } from 'next/server';
import { buildOpenApi } from '@/lib/api/openapi';
import { CLASSIFICATION_OPERATIONS } from '@/lib/classification/api-spec';
import { INDICATOR_OPERATIONS } from '@/lib/indicators/api-spec';
import { CAMPAIGN_OPERATIONS } from '@/lib/indicators/campaigns/api-spec';
import { PRACTICE_OPERATIONS } from '@/lib/practices/api-spec';
import { REPORT_OPERATIONS } from '@/lib/reports/api-spec';
import { ROADMAP_OPERATIONS } from '@/lib/roadmaps/api-spec';
import { SCHOOL_OPERATIONS } from '@/lib/schools/api-spec';
import { TEMPLATE_OPERATIONS } from '@/lib/templates/api-spec';

/** The API description is public: it documents shapes, not data. */
export function GET() {
  return NextResponse.json(
    buildOpenApi([...SCHOOL_OPERATIONS, ...CLASSIFICATION_OPERATIONS, ...ROADMAP_OPERATIONS, ...INDICATOR_OPERATIONS, ...CAMPAIGN_OPERATIONS, ...TEMPLATE_OPERATIONS, ...REPORT_OPERATIONS, ...PRACTICE_OPERATIONS]),
  );
}
