/**
 * Stable shard assignment: a file's shard depends only on its path (FNV-1a hash), so adding a
 * file to the folder never moves the others between CI jobs, and every file is in exactly one
 * shard.
 */
export function shardOf(path: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

export function inShard(path: string, index: number, count: number): boolean {
  return shardOf(path.split('\\').join('/'), count) === index;
}
