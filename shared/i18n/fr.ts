import type { Messages } from './en';

/** Chaînes françaises ; mêmes clés que en.ts. */
export const fr: Messages = {
  app: {
    name: 'Axial',
    tagline: 'La recherche qualitative par entretiens, sur votre ordinateur',
    language: 'Langue de l’interface',
    loading: 'Chargement…',
  },
  languageNames: { en: 'English', fr: 'Français' },
  start: {
    newProject: 'Nouveau projet',
    openProject: 'Ouvrir un projet',
    recentProjects: 'Projets récents',
    noRecent: 'Les projets que vous ouvrez apparaîtront ici.',
    title: 'Titre',
    description: 'Description',
    projectLanguage: 'Langue du matériau',
    location: 'Fichier',
    locationHint: 'Chemin complet du nouveau fichier de projet, par exemple {{example}}',
    openPathHint: 'Chemin complet d’un fichier .axial existant',
    choose: 'Choisir…',
    create: 'Créer le projet',
    open: 'Ouvrir',
    missing: 'Fichier introuvable',
    forget: 'Retirer de la liste',
    lastOpened: 'Ouvert le {{date}}',
  },
  workspace: {
    sections: {
      overview: 'Vue d’ensemble',
      documents: 'Documents',
      codebook: 'Livre de codes',
      cases: 'Cas',
      guides: 'Guides',
      analysis: 'Analyse',
    },
    empty: {
      documents: 'Ce projet ne contient encore aucun document.',
      codebook: 'Ce projet ne contient encore aucun code.',
      cases: 'Ce projet ne contient encore ni cas ni participant.',
      guides: 'Ce projet ne contient encore aucun guide d’entretien.',
      analysis: 'Les vues d’analyse se remplissent à mesure que les passages sont codés.',
    },
    properties: 'Propriétés du projet',
    saveCopy: 'Enregistrer une copie',
    close: 'Fermer le projet',
    activity: 'Activité récente',
    noActivity: 'Rien ne s’est encore passé dans ce projet.',
    file: 'Fichier',
    created: 'Créé le {{date}}',
    noDescription: 'Aucune description.',
  },
  properties: {
    heading: 'Propriétés du projet',
    apply: 'Appliquer',
    cancel: 'Annuler',
  },
  saveCopy: {
    heading: 'Enregistrer une copie du projet',
    explanation:
      'Écrit une copie complète du projet dans un autre fichier. Vous continuez à travailler dans le projet ouvert.',
    path: 'Chemin de la copie',
    overwrite: 'Remplacer le fichier s’il existe',
    save: 'Enregistrer la copie',
    cancel: 'Annuler',
    saved: 'Copie enregistrée dans {{path}}',
  },
  about: {
    heading: 'À propos d’Axial',
    body: 'Axial {{version}} : un poste de travail hors ligne pour la recherche qualitative par entretiens. Vos projets restent sur cet ordinateur.',
    close: 'Fermer',
  },
  errors: {
    invalid_input: 'Des informations manquent ou ne sont pas valides : {{details}}',
    unknown_method: 'Cette fenêtre et Axial ne sont plus synchronisés. Redémarrez Axial.',
    unauthorized:
      'Cette page n’a pas accès à Axial. Ouvrez l’adresse affichée au démarrage d’Axial.',
    no_project_open: 'Aucun projet n’est ouvert. Ouvrez ou créez d’abord un projet.',
    file_not_found:
      'Aucun fichier à l’emplacement {{path}}. Il a peut-être été déplacé ou renommé.',
    file_exists: 'Un fichier existe déjà à l’emplacement {{path}}. Choisissez un autre nom.',
    not_an_axial_project:
      '{{path}} n’est pas un projet Axial. Choisissez un fichier .axial créé par Axial.',
    project_corrupt:
      '{{path}} est endommagé et ne peut pas être ouvert sans risque. Ouvrez une copie de sauvegarde du projet.',
    project_too_new:
      'Ce projet a été enregistré par une version plus récente d’Axial. Mettez Axial à jour pour l’ouvrir.',
    project_locked:
      '{{path}} est utilisé par un autre programme. Fermez l’autre fenêtre Axial, puis réessayez.',
    same_file:
      'Une copie ne peut pas remplacer le projet ouvert. Choisissez un autre nom de fichier.',
    io_error: 'Le fichier n’a pas pu être lu ou écrit : {{detail}}',
    invalid_file: 'Ce fichier ne peut pas être importé.',
    unsupported_format:
      '{{file}} ne peut pas être importé : Axial lit les fichiers .txt, .docx, .md et .html. Enregistrez-le d’abord dans l’un de ces formats.',
    file_too_large: '{{file}} contient plus de 50 Mo de texte. Découpez-le en plusieurs fichiers.',
    not_found: 'Cet élément n’existe plus. Il a peut-être été supprimé.',
    name_taken:
      'Un code nommé « {{name}} » existe déjà ici. Choisissez un autre nom, ou fusionnez les deux codes.',
    invalid_operation: 'Cette opération est impossible.',
    out_of_date:
      'Le document a changé entre-temps et a été rechargé. Vérifiez votre dernière modification.',
    nothing_to_undo: 'Il n’y a rien à annuler.',
    not_available: 'Cette fonction n’existe que dans l’application de bureau.',
    internal: 'Un problème inattendu est survenu ; rien n’a été modifié. Réessayez.',
    network: 'Axial est injoignable. Vérifiez qu’il est toujours lancé.',
  },
  activity: {
    projectCreate: 'Création du projet « {{subject}} »',
    projectUpdate: 'Modification de {{subject}}',
    projectUpdateNothing: 'Propriétés enregistrées sans changement',
    fields: { title: 'le titre', description: 'la description', language: 'la langue' },
  },
  errorReasons: {
    binary:
      '{{file}} n’est pas un fichier texte. Importez les transcriptions en .txt, .docx, .md ou .html.',
    notDocx:
      '{{file}} n’est pas un document Word lisible. Ouvrez-le dans votre traitement de texte et enregistrez-le de nouveau en .docx.',
    empty: '{{file}} est vide.',
    noText: '{{file}} ne contient aucun texte à importer.',
    moveIntoItself:
      '« {{name}} » ne peut pas être déplacé dans lui-même ni dans l’un de ses sous-codes.',
    mergeIntoItself: 'Un code ne peut pas être fusionné avec lui-même.',
    mergeIntoSubcode:
      '« {{source}} » ne peut pas être fusionné dans son propre sous-code « {{target}} ». Déplacez d’abord « {{target}} ».',
    notCodable:
      '« {{name}} » regroupe d’autres codes et ne s’applique pas au texte. Choisissez un code en dessous, ou autorisez le codage dans ses propriétés.',
    noWords: 'La sélection ne contient aucun mot pour nommer un code.',
  },
  menu: {
    file: 'Fichier',
    newProject: 'Nouveau projet…',
    openProject: 'Ouvrir un projet…',
    openRecent: 'Projets récents',
    noRecent: 'Aucun projet récent',
    missing: 'introuvable',
    saveCopy: 'Enregistrer une copie…',
    projectProperties: 'Propriétés du projet…',
    closeProject: 'Fermer le projet',
    closeWindow: 'Fermer la fenêtre',
    quit: 'Quitter Axial',
    edit: 'Édition',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    selectAll: 'Tout sélectionner',
    view: 'Affichage',
    resetZoom: 'Taille réelle',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    fullScreen: 'Plein écran',
    developerTools: 'Outils de développement',
    help: 'Aide',
    about: 'À propos d’Axial',
  },
  dialogs: {
    axialProjects: 'Projets Axial',
  },
};
