import { RuleTester } from '@baton/testing';
import { eksWithDrivers, persistent, targets } from '../__fixtures__/csi-fixtures.js';
import { noDefaultStorageClass } from './no-default-storage-class.js';

const resident = { kind: 'stateful-service' as const, volumes: [persistent('data', 512)] };

RuleTester.run(noDefaultStorageClass, {
  valid: [
    { name: 'default class on kind', workload: resident, target: targets.kind },
    { name: 'default class on GKE', workload: resident, target: targets.gke },
    { name: 'mapped by type on kubeadm with a class added', workload: resident, target: { storage: { inventory: 'complete', classes: [{ name: 'topolvm', provisioner: 'topolvm.io', isDefault: false }], drivers: [{ name: 'topolvm.io', accessModes: ['ReadWriteOnce'], volumeModes: ['Filesystem'], expansion: 'yes', snapshots: 'yes', local: true }] } }, options: { storageClassMapping: { root: 'topolvm' } } },
    { name: 'unknown storage is left to storage-unverified', workload: resident, target: targets.generic },
    { name: 'no persistent volumes', workload: {}, target: targets['kubeadm-calico'] },
  ],
  invalid: [
    { name: 'kubeadm installs no provisioner', workload: resident, target: targets['kubeadm-calico'], errors: [{ messageId: 'noDefault', pointer: '/container/volumes/0' }] },
    { name: 'stock EKS has no default class', workload: resident, target: targets.eks, errors: [{ messageId: 'noDefault' }] },
    { name: 'mapped to gp2 on stock EKS: no EBS CSI driver behind it', workload: resident, target: targets.eks, options: { storageClassMapping: { '*': 'gp2' } }, errors: [{ messageId: 'provisionerMissing', data: { provisioner: 'kubernetes.io/aws-ebs' } }] },
    {
      name: 'mapping by profileName to a class the target lacks',
      workload: { volumes: [persistent('db', 2048, { profileName: 'fast', type: 'mount' })] },
      target: eksWithDrivers,
      options: { storageClassMapping: { fast: 'io2-fast', mount: 'gp3' } },
      errors: [{ messageId: 'mappedClassMissing', data: { key: 'fast', storageClass: 'io2-fast' } }],
    },
  ],
});
