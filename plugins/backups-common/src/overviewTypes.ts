import { z } from 'zod';
import {
  backupsOverviewSchema,
  clusterOverviewSchema,
  cnpgBackupSchema,
  cnpgClusterSchema,
  cnpgScheduledBackupSchema,
  cnpgSectionSchema,
  conditionSchema,
  cronInfoSchema,
  dataSourceSchema,
  findingSchema,
  labelRequirementSchema,
  platformFindingSchema,
  volumeSnapshotClassSchema,
  coverageSchema,
  externalSecretSchema,
  fluxObjectSchema,
  fluxSectionSchema,
  sourceErrorSchema,
  tierKindSchema,
  tierSchema,
  tierStatusSchema,
  veleroBackupSchema,
  veleroRestoreSchema,
  veleroScheduleSchema,
  veleroSectionSchema,
  veleroSnapshotLocationSchema,
  veleroStorageLocationSchema,
  volsyncSectionSchema,
  volsyncSourceSchema,
  workloadReadinessSchema,
} from './overviewSchema';

export type Condition = z.infer<typeof conditionSchema>;
export type TierStatus = z.infer<typeof tierStatusSchema>;
export type TierKind = z.infer<typeof tierKindSchema>;
export type Tier = z.infer<typeof tierSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type SourceError = z.infer<typeof sourceErrorSchema>;
export type VeleroSchedule = z.infer<typeof veleroScheduleSchema>;
export type VeleroBackup = z.infer<typeof veleroBackupSchema>;
export type VeleroRestore = z.infer<typeof veleroRestoreSchema>;
export type VeleroStorageLocation = z.infer<typeof veleroStorageLocationSchema>;
export type VeleroSnapshotLocation = z.infer<
  typeof veleroSnapshotLocationSchema
>;
export type WorkloadReadiness = z.infer<typeof workloadReadinessSchema>;
export type VeleroSection = z.infer<typeof veleroSectionSchema>;
export type CnpgCluster = z.infer<typeof cnpgClusterSchema>;
export type CnpgBackup = z.infer<typeof cnpgBackupSchema>;
export type CnpgScheduledBackup = z.infer<typeof cnpgScheduledBackupSchema>;
export type CnpgSection = z.infer<typeof cnpgSectionSchema>;
export type VolsyncSource = z.infer<typeof volsyncSourceSchema>;
export type VolsyncSection = z.infer<typeof volsyncSectionSchema>;
export type FluxObject = z.infer<typeof fluxObjectSchema>;
export type ExternalSecretStatus = z.infer<typeof externalSecretSchema>;
export type FluxSection = z.infer<typeof fluxSectionSchema>;
export type ClusterOverview = z.infer<typeof clusterOverviewSchema>;
export type DataSource = z.infer<typeof dataSourceSchema>;
export type BackupsOverview = z.infer<typeof backupsOverviewSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type PlatformFinding = z.infer<typeof platformFindingSchema>;
export type CronInfo = z.infer<typeof cronInfoSchema>;
export type LabelRequirementInfo = z.infer<typeof labelRequirementSchema>;
export type VolumeSnapshotClassInfo = z.infer<typeof volumeSnapshotClassSchema>;
