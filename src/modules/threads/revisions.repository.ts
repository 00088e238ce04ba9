import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { newId } from '../../common/ids';
import { Revision, RevisionTargetType } from './entities/revision.entity';

@Injectable()
export class RevisionsRepository {
  constructor(@InjectRepository(Revision) private readonly revisions: Repository<Revision>) {}

  async insert(manager: EntityManager, revision: Revision): Promise<void> {
    await manager.getRepository(Revision).insert(revision);
  }

  /** Newest first; `before` is the revision number of the previous page's last item. */
  findPage(
    targetType: RevisionTargetType,
    targetId: string,
    before: number | null,
    limit: number,
  ): Promise<Revision[]> {
    const qb = this.revisions
      .createQueryBuilder('v')
      .where('v.target_type = :targetType AND v.target_id = :targetId', { targetType, targetId });
    if (before !== null) qb.andWhere('v.revision < :before', { before });
    return qb.orderBy('v.revision', 'DESC').limit(limit).getMany();
  }
}

/** The row for one version of a thread (title and tags set) or a reply (both null). */
export function revisionRow(
  target: { type: RevisionTargetType; id: string },
  version: { revision: number; title: string | null; body: string; tags: string[] | null },
  editorId: string,
  at: Date,
): Revision {
  return Object.assign(new Revision(), {
    id: newId(),
    targetType: target.type,
    targetId: target.id,
    revision: version.revision,
    title: version.title,
    body: version.body,
    tags: version.tags === null ? null : JSON.stringify(version.tags),
    editorId,
    createdAt: at,
  });
}
