import { readBody } from './body';
import { parseExtractRequest } from './extract';
import { extractOffThread, warmUp } from './off-thread';

/**
 * POST /api/extract and /api/analyze: the body read with its size limit, validated on the request
 * thread (400/413/415 with the field named), then extracted in a worker with a deadline (503 past it).
 */
export async function extractResponse(request: Request, kind: 'extract' | 'analyze'): Promise<Response> {
  warmUp();
  const read = await readBody(request);
  if ('status' in read) return Response.json(read.body, { status: read.status });
  const parsed = parseExtractRequest(read.text, request.headers.get('content-type'));
  if ('error' in parsed) return Response.json(parsed.error.body, { status: parsed.error.status });
  const { status, body } = await extractOffThread(kind, parsed.article);
  return Response.json(body, { status, headers: status === 503 ? { 'retry-after': '5' } : undefined });
}
