import type { Region } from '@huishang/schema';

// Regions the domain tests share; kept out of the build (tsconfig.build.json).

/** 广陈镇, a town of 平湖 (330482), where the 2020 seed's consultations were held. */
export const guangchen: Region = {
  code: '330482106',
  name: '广陈镇',
  level: 'TOWN',
  parentCode: '330482',
};
